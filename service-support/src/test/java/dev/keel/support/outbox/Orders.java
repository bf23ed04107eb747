package dev.keel.support.outbox;

import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentUpdated;

/**
 * The orders feature of the test service, written the way auth-service and data-service
 * write theirs: each change and its event in one single-document write through the
 * {@link Outbox}, then a nudge to the relay: with the document's id for placing and
 * changing an order, without one for a cancellation, so both paths are exercised. Placing
 * an order builds its own envelope, to choose the {@code traceparent}; the other changes
 * let the outbox build it.
 */
class Orders {

	static final String COLLECTION = "orders";

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final String topic;

	Orders(MongoTemplate mongo, Outbox outbox, String topic) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.topic = topic;
	}

	EventEnvelope<DocumentCreated> place(String id, String traceparent) {
		DocumentCreated created = DocumentCreated.of(COLLECTION, id, "u-1", "u-1", 1, "owner", List.of("status"),
				Map.of("_id", id, "status", "placed"), false);
		EventEnvelope<DocumentCreated> envelope = EventEnvelope.wrap(this.outbox.source(), created, traceparent);
		Document order = new Document("_id", id).append("status", "placed").append("_version", 1L);
		this.mongo.insert(this.outbox.attach(COLLECTION, order, Outbox.entry(this.topic, envelope)), COLLECTION);
		this.outbox.wakeUp(COLLECTION, id);
		return envelope;
	}

	EventEnvelope<DocumentUpdated> changeStatus(String id, long version, String status) {
		DocumentUpdated updated = DocumentUpdated.of(COLLECTION, id, "u-1", "u-1", version + 1, "owner",
				List.of("status"), Map.of("_id", id, "status", status), false);
		Update change = new Update().set("status", status).inc("_version", 1);
		long matched = this.mongo
			.updateFirst(current(id, version), this.outbox.push(COLLECTION, change, this.topic, updated), COLLECTION)
			.getMatchedCount();
		if (matched != 1) {
			throw new IllegalStateException("Order " + id + " is not at version " + version);
		}
		this.outbox.wakeUp(COLLECTION, id);
		return EventEnvelope.wrap(this.outbox.source(), updated, null);
	}

	EventEnvelope<DocumentDeleted> cancel(String id, long version) {
		DocumentDeleted deleted = DocumentDeleted.of(COLLECTION, id, "u-1", "u-1", version, "owner");
		Update deletion = this.outbox.deleteWhenDrained(COLLECTION, new Update(), this.topic, deleted);
		this.mongo.updateFirst(current(id, version), deletion, COLLECTION);
		this.outbox.wakeUp();
		return EventEnvelope.wrap(this.outbox.source(), deleted, null);
	}

	Document find(String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(Outbox.notDeleted())),
				Document.class, COLLECTION);
	}

	private static Query current(String id, long version) {
		return Query.query(Criteria.where("_id").is(id).and("_version").is(version).andOperator(Outbox.notDeleted()));
	}

}
