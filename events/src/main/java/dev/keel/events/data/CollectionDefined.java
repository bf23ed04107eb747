package dev.keel.events.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A collection was defined or its definition replaced. It carries the access rules so
 * that consumers holding document events can learn of a changed read rule; the schema and
 * indexes stay in data-service.
 *
 * @param eventId the event id
 * @param occurredAt when the definition was stored
 * @param collection the collection name
 * @param access the rule for each of {@code read}, {@code create}, {@code update} and
 * {@code delete}
 * @param created {@code true} for a new collection, {@code false} for a replaced
 * definition
 */
public record CollectionDefined(String eventId, Instant occurredAt, String collection, Map<String, String> access,
		boolean created) implements CollectionEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.collection.defined";

	public CollectionDefined {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(collection, "collection");
		access = (access != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(access)) : Map.of();
	}

	/**
	 * A definition stored now, under a new event id.
	 * @param collection the collection name
	 * @param access the rule for each operation
	 * @param created whether the collection is new
	 * @return the event
	 */
	public static CollectionDefined of(String collection, Map<String, String> access, boolean created) {
		return new CollectionDefined(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
				collection, access, created);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
