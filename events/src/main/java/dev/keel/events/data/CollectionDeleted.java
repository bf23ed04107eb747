package dev.keel.events.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A collection was dropped with all its documents. Consumers should not expect a
 * {@link DocumentDeleted} for each of those documents; they drop whatever they hold for
 * the collection, such as subscriptions, on this event alone.
 *
 * @param eventId the event id
 * @param occurredAt when the collection was dropped
 * @param collection the collection name
 */
public record CollectionDeleted(String eventId, Instant occurredAt, String collection) implements CollectionEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.collection.deleted";

	public CollectionDeleted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(collection, "collection");
	}

	/**
	 * A drop that happens now, under a new event id.
	 * @param collection the collection name
	 * @return the event
	 */
	public static CollectionDeleted of(String collection) {
		return new CollectionDeleted(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
				collection);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
