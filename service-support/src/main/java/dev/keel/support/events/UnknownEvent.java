package dev.keel.support.events;

import java.time.Instant;

import dev.keel.events.IntegrationEvent;

/**
 * A well-formed CloudEvent of a type this version does not know, from a newer producer.
 * Only listeners that ask for it
 * ({@value IntegrationEventDeserializer#PASS_UNKNOWN_TYPES}) receive one; for the others
 * such a record is unreadable and goes to the dead-letter topic, from where it can be
 * replayed once the consumer knows the type.
 *
 * @param eventId the CloudEvents {@code id}
 * @param occurredAt the CloudEvents {@code time}, or {@code null} if it has none
 * @param aggregateId the CloudEvents {@code subject}, or {@code null} if it has none
 * @param type the CloudEvents {@code type}
 */
public record UnknownEvent(String eventId, Instant occurredAt, String aggregateId,
		String type) implements IntegrationEvent {

}
