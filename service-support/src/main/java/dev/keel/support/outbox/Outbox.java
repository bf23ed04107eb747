package dev.keel.support.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.events.EventEnvelope;

/**
 * What a service calls to put an event into the same single-document write as the change
 * it describes. The entry then exists if and only if the change was committed, with no
 * transaction: MongoDB applies one document's write atomically.
 * <p>
 * Create with {@link #attach(Document, OutboxEntry...)} on the new document, change with
 * {@link #push(Update, OutboxEntry...)} in an {@code updateFirst}, {@code findAndModify}
 * or upsert, delete with {@link #deleteWhenDrained(Update, OutboxEntry)}, and call
 * {@link OutboxRelay#wakeUp()} after the write. Never replace a whole document that may
 * hold entries ({@code save}, {@code replaceOne}): the copy read earlier may miss entries
 * written since, or still hold ones already published.
 */
public final class Outbox {

	/** The array of pending entries in an aggregate's document. */
	public static final String ENTRIES = "_outbox";

	/** Which relay instance works on the document, and until when. */
	public static final String LEASE = "_outboxLease";

	/** Marks a deleted aggregate that the relay removes once its events are out. */
	public static final String DELETE_WHEN_DRAINED = "_outboxDeleteWhenDrained";

	/**
	 * Every field the outbox adds to a document; none of them belongs in an API response.
	 */
	public static final List<String> FIELDS = List.of(ENTRIES, LEASE, DELETE_WHEN_DRAINED);

	private static final CloudEventJson json = new CloudEventJson();

	private Outbox() {
	}

	/**
	 * An entry for an event, keyed by the envelope's subject (the aggregate id) so the
	 * aggregate's events keep their order.
	 * @param topic the Kafka topic
	 * @param envelope the event in its envelope; its {@code traceparent} travels as a
	 * Kafka header too
	 * @return the entry
	 */
	public static OutboxEntry entry(String topic, EventEnvelope<?> envelope) {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("An outbox entry needs a topic");
		}
		Objects.requireNonNull(envelope.subject(), "The envelope has no subject to use as the Kafka key");
		return new OutboxEntry(envelope.id(), topic, envelope.subject(), json.write(envelope), envelope.traceparent(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * Adds entries to an update of an existing document (or an upsert), after any entries
	 * still pending, so the relay publishes them in this order.
	 * @param update the update that makes the change
	 * @param entries the entries of the events it causes
	 * @return {@code update}
	 */
	public static Update push(Update update, OutboxEntry... entries) {
		update.push(ENTRIES).each(documents(entries).toArray());
		return update;
	}

	/**
	 * Puts entries on a document about to be inserted.
	 * @param document the new document
	 * @param entries the entries of the events its creation causes
	 * @return {@code document}
	 * @throws IllegalArgumentException if the document already has an outbox, as a
	 * document read from the store does: replacing it could lose or repeat events
	 */
	public static Document attach(Document document, OutboxEntry... entries) {
		if (document.containsKey(ENTRIES)) {
			throw new IllegalArgumentException(
					"The document already has an outbox; use Outbox.push with an update instead of replacing it");
		}
		document.put(ENTRIES, documents(entries));
		return document;
	}

	/**
	 * Turns an update into a deletion that waits for the outbox: the document is marked
	 * and gets the entry, and the relay deletes it once every entry is published. Until
	 * then the service must treat it as gone (see {@link #notDeleted()}).
	 * @param update an update, often empty
	 * @param entry the entry of the deletion event
	 * @return {@code update}
	 */
	public static Update deleteWhenDrained(Update update, OutboxEntry entry) {
		return push(update.set(DELETE_WHEN_DRAINED, true), entry);
	}

	/**
	 * Matches documents that are not waiting to be deleted; add it to every read of a
	 * collection whose deletions use {@link #deleteWhenDrained(Update, OutboxEntry)}.
	 * @return the criteria
	 */
	public static Criteria notDeleted() {
		return Criteria.where(DELETE_WHEN_DRAINED).ne(true);
	}

	/**
	 * Creates the relay's index on a collection that is about to receive documents with
	 * outboxes. The relay creates it too, but for a collection created at run time it
	 * should exist before the first insert: the embedded store does not guard index
	 * creation against concurrent writes.
	 * @param mongo the database
	 * @param collection the collection's name
	 */
	public static void prepare(MongoOperations mongo, String collection) {
		new OutboxCollection(mongo, collection).createIndexOnce();
	}

	private static List<Document> documents(OutboxEntry... entries) {
		if (entries.length == 0) {
			throw new IllegalArgumentException("No outbox entries given");
		}
		return Arrays.stream(entries).map(OutboxEntry::toDocument).toList();
	}

}
