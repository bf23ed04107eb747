package dev.keel.events;

import java.time.Instant;

/**
 * An event that crosses a service boundary. Consumers deduplicate on {@link #eventId()},
 * so the id must survive retries and outbox replays unchanged; producers partition on
 * {@link #aggregateId()}, so one aggregate's events stay in order.
 * <p>
 * {@link #type()} and {@link #aggregateId()} are derived rather than stored so that they
 * never appear in the serialized {@code data}: they travel as the envelope's {@code type}
 * and {@code subject} and as the Kafka key instead.
 * <p>
 * The records' {@code of} factories stamp the time in milliseconds, the precision of the
 * API's timestamps and of MongoDB dates, so an event read back from an outbox equals the
 * one that was written.
 */
public interface IntegrationEvent {

	/**
	 * Unique id of this event, also the CloudEvents {@code id}.
	 * @return the event id
	 */
	String eventId();

	/**
	 * When the change happened, also the CloudEvents {@code time}.
	 * @return the time of the change
	 */
	Instant occurredAt();

	/**
	 * The aggregate the event belongs to: the Kafka key and the CloudEvents
	 * {@code subject}.
	 * @return the aggregate id
	 */
	String aggregateId();

	/**
	 * The CloudEvents {@code type}, one of the constants registered in
	 * {@link EventTypes}.
	 * @return the event type
	 */
	String type();

}
