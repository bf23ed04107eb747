package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keel.support.outbox.OutboxPublisher.PublishFailedException;

/**
 * Publishes one claimed document's entries, strictly one after the other: the next is
 * sent only once Kafka acknowledged the previous one, so a failure can never let a later
 * event of the aggregate overtake an earlier one. Then, for a whole batch of documents at
 * once, it removes what was published and deletes the drained tombstones.
 */
final class DocumentDrainer {

	private static final Logger log = LoggerFactory.getLogger(DocumentDrainer.class);

	/** How a drain ended. */
	enum Outcome {

		/** Every entry claimed was published. */
		DRAINED,

		/**
		 * Some were published, then the lease ran short; the rest waits for a new claim.
		 */
		LEASE_RUNNING_OUT,

		/** Kafka did not answer in time or could not be reached; the relay backs off. */
		KAFKA_UNAVAILABLE,

		/**
		 * Kafka refused an entry (too large, a topic it may not write); the document is
		 * retried after the longest backoff, and other documents are not held up.
		 */
		REFUSED,

		/** A malformed entry or a MongoDB error; retried once the lease expires. */
		BROKEN;

		boolean published() {
			return this == DRAINED || this == LEASE_RUNNING_OUT;
		}

	}

	/**
	 * How one document's drain ended, and the entries it published.
	 *
	 * @param document the claimed document
	 * @param outcome how it ended
	 * @param published the ids of the entries Kafka acknowledged, in order
	 */
	record Drain(PendingDocument document, Outcome outcome, List<String> published) {

	}

	private final OutboxPublisher publisher;

	private final OutboxMetrics metrics;

	private final String owner;

	private final OutboxProperties properties;

	private final AtomicBoolean kafkaUnavailable = new AtomicBoolean();

	DocumentDrainer(OutboxPublisher publisher, OutboxMetrics metrics, String owner, OutboxProperties properties) {
		this.publisher = publisher;
		this.metrics = metrics;
		this.owner = owner;
		this.properties = properties;
	}

	/**
	 * Publishes a document's entries; never throws. What was published is removed by
	 * {@link #release}, once for the whole batch.
	 */
	Drain drain(OutboxCollection collection, PendingDocument document) {
		List<String> published = new ArrayList<>();
		try {
			return new Drain(document, publishInOrder(collection, document, published), published);
		}
		catch (RuntimeException ex) {
			log.error("Could not relay the outbox of document {} in {}; retrying when its lease expires", document.id(),
					collection.name(), ex);
			return new Drain(document, Outcome.BROKEN, published);
		}
	}

	/**
	 * Removes what a batch published and gives up its claims: the drained documents with
	 * one update, the rest one by one (a refused entry's document is retried after the
	 * longest backoff); then deletes the drained tombstones. After {@link Outcome#BROKEN}
	 * the lease is kept, so the document is retried only when it expires instead of in a
	 * tight loop.
	 */
	void release(OutboxCollection collection, List<Drain> drains) {
		List<Drain> drained = drains.stream()
			.filter((drain) -> drain.outcome() == Outcome.DRAINED && !drain.published().isEmpty())
			.toList();
		if (!drained.isEmpty()) {
			collection.releaseDrained(drained.stream().map((drain) -> drain.document().id()).toList(),
					drained.stream().flatMap((drain) -> drain.published().stream()).toList(), this.owner);
		}
		for (Drain drain : drains) {
			if (drain.outcome() != Outcome.BROKEN && !drained.contains(drain)) {
				Instant retryAt = (drain.outcome() == Outcome.REFUSED)
						? Instant.now().plus(this.properties.maxBackoff()) : null;
				collection.release(drain.document(), drain.published(), this.owner, retryAt);
			}
			if (drain.outcome() == Outcome.DRAINED && drain.document().deleteWhenDrained()) {
				collection.deleteIfDrained(drain.document().id());
			}
		}
	}

	private Outcome publishInOrder(OutboxCollection collection, PendingDocument document, List<String> published) {
		Duration worstSend = this.properties.sendTimeout().multipliedBy(2);
		for (Document stored : document.entries()) {
			if (Instant.now().plus(worstSend).isAfter(document.leaseUntil())) {
				return Outcome.LEASE_RUNNING_OUT;
			}
			OutboxEntry entry = OutboxEntry.fromDocument(stored);
			try {
				this.publisher.publish(entry);
			}
			catch (PublishFailedException ex) {
				this.metrics.failed(collection.name());
				return failed(collection, document, entry, ex);
			}
			if (this.kafkaUnavailable.getAndSet(false)) {
				log.info("Kafka takes outbox events again");
			}
			published.add(entry.id());
			this.metrics.published(collection.name(), entry);
		}
		return Outcome.DRAINED;
	}

	private Outcome failed(OutboxCollection collection, PendingDocument document, OutboxEntry entry,
			PublishFailedException ex) {
		if (!ex.retriable()) {
			log.warn("Kafka refused event {} of document {} in {} ({}); retrying in {}", entry.id(), document.id(),
					collection.name(), ex.getMessage(), this.properties.maxBackoff());
			return Outcome.REFUSED;
		}
		if (!this.kafkaUnavailable.getAndSet(true)) {
			log.warn("Kafka is unavailable ({}); outbox events wait in their documents and are retried",
					ex.getMessage());
		}
		return Outcome.KAFKA_UNAVAILABLE;
	}

}
