package dev.keel.events.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A document was created. It carries the document itself so that webhooks and subscribers
 * need not fetch it, unless it was too large for a Kafka record.
 *
 * @param eventId the event id
 * @param occurredAt when the document was created
 * @param collection the collection holding the document
 * @param documentId the document id
 * @param owner the document's {@code _owner}
 * @param actor the {@code sub} of the caller who created it
 * @param version the document's {@code _version}
 * @param readRule the collection's read rule at the time
 * @param changedFields the top-level fields the document was created with
 * @param document the document as the API returns it, or {@code null} when it was left
 * out for its size
 * @param documentTruncated whether {@code document} was left out for its size
 */
public record DocumentCreated(String eventId, Instant occurredAt, String collection, String documentId, String owner,
		String actor, long version, String readRule, List<String> changedFields, Map<String, Object> document,
		boolean documentTruncated) implements DocumentEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.document.created";

	public DocumentCreated {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(collection, "collection");
		Objects.requireNonNull(documentId, "documentId");
		changedFields = (changedFields != null) ? List.copyOf(changedFields) : List.of();
		document = (document != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(document)) : null;
	}

	/**
	 * A creation that happens now, under a new event id.
	 * @param collection the collection
	 * @param documentId the document id
	 * @param owner the document's {@code _owner}
	 * @param actor the {@code sub} of the caller
	 * @param version the document's {@code _version}
	 * @param readRule the collection's read rule
	 * @param changedFields the top-level fields the document was created with
	 * @param document the document, or {@code null} when left out for its size
	 * @param documentTruncated whether the document was left out for its size
	 * @return the event
	 */
	public static DocumentCreated of(String collection, String documentId, String owner, String actor, long version,
			String readRule, List<String> changedFields, Map<String, Object> document, boolean documentTruncated) {
		return new DocumentCreated(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
				collection, documentId, owner, actor, version, readRule, changedFields, document, documentTruncated);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
