package dev.keel.events.audit;

import dev.keel.events.IntegrationEvent;

/** The events of the audit log of security events. */
public sealed interface AuditEvent extends IntegrationEvent permits AuditRecorded {

}
