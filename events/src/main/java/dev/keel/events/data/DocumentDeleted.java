package dev.keel.events.data;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A document was deleted. It carries the owner and read rule the document had, since
 * after the delete there is nothing left for a consumer to look them up in.
 *
 * @param eventId the event id
 * @param occurredAt when the document was deleted
 * @param collection the collection that held the document
 * @param documentId the document id
 * @param owner the document's {@code _owner}
 * @param actor the {@code sub} of the caller who deleted it
 * @param version the last {@code _version} the document had
 * @param readRule the collection's read rule at the time
 */
public record DocumentDeleted(String eventId, Instant occurredAt, String collection, String documentId, String owner,
		String actor, long version, String readRule) implements DocumentEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.document.deleted";

	public DocumentDeleted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(collection, "collection");
		Objects.requireNonNull(documentId, "documentId");
	}

	/**
	 * A deletion that happens now, under a new event id.
	 * @param collection the collection
	 * @param documentId the document id
	 * @param owner the document's {@code _owner}
	 * @param actor the {@code sub} of the caller
	 * @param version the last {@code _version} the document had
	 * @param readRule the collection's read rule
	 * @return the event
	 */
	public static DocumentDeleted of(String collection, String documentId, String owner, String actor, long version,
			String readRule) {
		return new DocumentDeleted(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
				collection, documentId, owner, actor, version, readRule);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
