package dev.keel.events.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An entry was added to the audit log of security events. It holds ids, names and the
 * request's origin only, never a password, code, token or secret.
 *
 * @param eventId the event id
 * @param occurredAt when the act happened
 * @param entryId the audit entry, the aggregate id
 * @param actor the user or service account that acted, or {@code null}
 * @param subject the user or service account the act concerns, or {@code null}
 * @param action what was done, such as {@code sign_in} or {@code roles_changed}
 * @param outcome {@code success} or {@code failure}
 * @param method how the actor proved who they are (sign-ins), or {@code null}
 * @param ip the client address, or {@code null}
 * @param userAgent the client's user agent (at most 256 characters), or {@code null}
 * @param requestId the request's {@code X-Request-Id}, or {@code null}
 */
public record AuditRecorded(String eventId, Instant occurredAt, String entryId, String actor, String subject,
		String action, String outcome, String method, String ip, String userAgent,
		String requestId) implements AuditEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.audit.recorded";

	public AuditRecorded {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(entryId, "entryId");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
	}

	/**
	 * An entry recorded now, under a new event id; its time is the entry's time.
	 * @return the event
	 */
	public static AuditRecorded of(String entryId, String actor, String subject, String action, String outcome,
			String method, String ip, String userAgent, String requestId) {
		return new AuditRecorded(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), entryId,
				actor, subject, action, outcome, method, ip, userAgent, requestId);
	}

	@Override
	public String aggregateId() {
		return this.entryId;
	}

	@Override
	public String type() {
		return TYPE;
	}

}
