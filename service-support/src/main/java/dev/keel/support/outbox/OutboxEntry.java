package dev.keel.support.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bson.Document;

/**
 * One pending event in a document's outbox: everything the relay needs to publish it
 * without knowing the event's type.
 *
 * @param id the event id, unique across all events; the relay removes the entry by it
 * @param topic the Kafka topic
 * @param key the Kafka key, the aggregate id, so one aggregate's events share a partition
 * @param payload the CloudEvents structured JSON, published as the record value as is
 * @param traceparent the W3C {@code traceparent} of the causing request, or {@code null}
 * @param createdAt when the entry was written; the relay serves the oldest first
 */
public record OutboxEntry(String id, String topic, String key, String payload, String traceparent, Instant createdAt) {

	public OutboxEntry {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/**
	 * The entry as stored in {@value Outbox#ENTRIES}. Built by hand rather than by Spring
	 * Data's mapping, which would store {@code id} as {@code _id} and so break the
	 * relay's removal by id.
	 * @return a BSON sub-document
	 */
	public Document toDocument() {
		Document document = new Document("id", this.id).append("topic", this.topic)
			.append("key", this.key)
			.append("payload", this.payload)
			.append("createdAt", Date.from(this.createdAt));
		if (this.traceparent != null) {
			document.append("traceparent", this.traceparent);
		}
		return document;
	}

	/**
	 * Reads an entry back from its stored form.
	 * @param document a sub-document written by {@link #toDocument()}
	 * @return the entry
	 * @throws NullPointerException if a required field is missing
	 */
	public static OutboxEntry fromDocument(Document document) {
		Date createdAt = document.getDate("createdAt");
		return new OutboxEntry(document.getString("id"), document.getString("topic"), document.getString("key"),
				document.getString("payload"), document.getString("traceparent"),
				(createdAt != null) ? createdAt.toInstant() : null);
	}

}
