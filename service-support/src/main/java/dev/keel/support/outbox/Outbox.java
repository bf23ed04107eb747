package dev.keel.support.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.micrometer.tracing.Tracer;
import org.bson.Document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.events.EventEnvelope;
import dev.keel.events.IntegrationEvent;

/**
 * What a service calls to put its events into the same single-document write as the
 * change they describe. The entry then exists if and only if the change was committed,
 * with no transaction: MongoDB applies one document's write atomically.
 * <p>
 * One call per write: {@link #attach} on a new document, {@link #push} on an update
 * ({@code updateFirst}, {@code findAndModify} or an upsert), {@link #deleteWhenDrained}
 * for a deletion. Each wraps the events in their CloudEvents envelope (this service's
 * {@code source}, the current trace's {@code traceparent}) and tells the relay about the
 * collection, so the relay never asks the service which collections to watch. Call
 * {@link #wakeUp(String, Object)} (or {@link #wakeUp()}) after the write. Never replace a
 * whole document that may hold entries ({@code save}, {@code replaceOne}): the copy read
 * earlier may miss entries written since, or still hold ones already published.
 */
public class Outbox {

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

	private final String source;

	private final OutboxRelay relay;

	private final ObjectProvider<Tracer> tracer;

	Outbox(String source, OutboxRelay relay, ObjectProvider<Tracer> tracer) {
		this.source = source;
		this.relay = relay;
		this.tracer = tracer;
	}

	/**
	 * An entry for an event already in its envelope, keyed by the envelope's subject (the
	 * aggregate id) so the aggregate's events keep their order. For entries the service
	 * builds itself; {@link #attach}, {@link #push} and {@link #deleteWhenDrained} build
	 * theirs from the events.
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
	 * Matches documents that are not waiting to be deleted; add it to every read of a
	 * collection whose deletions use {@link #deleteWhenDrained}.
	 * @return the criteria
	 */
	public static Criteria notDeleted() {
		return Criteria.where(DELETE_WHEN_DRAINED).ne(true);
	}

	/**
	 * The CloudEvents {@code source} of this service's events, such as
	 * {@code /keel/data-service}.
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Puts events on a document about to be inserted.
	 * @param collection the collection it goes into
	 * @param document the new document
	 * @param topic the Kafka topic
	 * @param events the events its creation causes, in order
	 * @return {@code document}
	 * @throws IllegalArgumentException if the document already has an outbox, as a
	 * document read from the store does: replacing it could lose or repeat events
	 */
	public Document attach(String collection, Document document, String topic, IntegrationEvent... events) {
		return attach(collection, document, entries(topic, events));
	}

	/**
	 * Puts entries built by the service on a document about to be inserted.
	 * @see #attach(String, Document, String, IntegrationEvent...)
	 */
	public Document attach(String collection, Document document, OutboxEntry... entries) {
		if (document.containsKey(ENTRIES)) {
			throw new IllegalArgumentException(
					"The document already has an outbox; push to it with an update instead of replacing it");
		}
		document.put(ENTRIES, documents(entries));
		this.relay.register(collection);
		return document;
	}

	/**
	 * Adds events to an update of an existing document (or an upsert), after any entries
	 * still pending, so the relay publishes them in this order.
	 * @param collection the collection the update is for
	 * @param update the update that makes the change
	 * @param topic the Kafka topic
	 * @param events the events it causes, in order
	 * @return {@code update}
	 */
	public Update push(String collection, Update update, String topic, IntegrationEvent... events) {
		return push(collection, update, entries(topic, events));
	}

	/**
	 * Adds entries built by the service to an update.
	 * @see #push(String, Update, String, IntegrationEvent...)
	 */
	public Update push(String collection, Update update, OutboxEntry... entries) {
		update.push(ENTRIES).each(documents(entries).toArray());
		this.relay.register(collection);
		return update;
	}

	/**
	 * Turns an update into a deletion that waits for the outbox: the document is marked
	 * and gets the event, and the relay deletes it once every entry is published. Until
	 * then the service must treat it as gone (see {@link #notDeleted()}).
	 * @param collection the collection the update is for
	 * @param update an update, often empty
	 * @param topic the Kafka topic
	 * @param event the deletion event
	 * @return {@code update}
	 */
	public Update deleteWhenDrained(String collection, Update update, String topic, IntegrationEvent event) {
		return push(collection, update.set(DELETE_WHEN_DRAINED, true), topic, event);
	}

	/**
	 * Readies a collection created at run time for documents with outboxes: creates the
	 * relay's index before the first insert (the embedded store does not guard index
	 * creation against concurrent writes) and tells the relay about it.
	 * @param collection the collection's name
	 */
	public void prepare(String collection) {
		this.relay.prepare(collection);
	}

	/**
	 * Asks the relay for a round now: call it after a write with events, so they are
	 * published within milliseconds.
	 */
	public void wakeUp() {
		this.relay.wakeUp();
	}

	/**
	 * Asks the relay to publish the entries just written to one document now: it claims
	 * that document by id, without searching the collection. Call it after a write with
	 * entries has succeeded, instead of {@link #wakeUp()}, when the write knows the
	 * document's id; the events then go out within milliseconds even while thousands of
	 * other documents are written.
	 * @param collection the collection the write was to
	 * @param id the written document's {@code _id}
	 */
	public void wakeUp(String collection, Object id) {
		this.relay.wakeUp(collection, id);
	}

	/**
	 * The entries of events, for a service that collects them before its repository
	 * writes: hand them to {@link #attach(String, Document, OutboxEntry...)} or
	 * {@link #push(String, Update, OutboxEntry...)}.
	 * @param topic the Kafka topic
	 * @param events the events, in order
	 * @return their entries, in the same order
	 */
	public OutboxEntry[] entries(String topic, IntegrationEvent... events) {
		Tracer current = this.tracer.getIfAvailable();
		String traceparent = (current != null) ? Traceparent.current(current) : null;
		return Arrays.stream(events)
			.map((event) -> entry(topic, EventEnvelope.wrap(this.source, event, traceparent)))
			.toArray(OutboxEntry[]::new);
	}

	private static List<Document> documents(OutboxEntry... entries) {
		if (entries.length == 0) {
			throw new IllegalArgumentException("No outbox entries given");
		}
		return Arrays.stream(entries).map(OutboxEntry::toDocument).toList();
	}

}
