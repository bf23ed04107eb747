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
 * write theirs: each change and its event in one single-document write, then a nudge to
 * the relay.
 */
class Orders {

	static final String COLLECTION = "orders";

	private static final String SOURCE = "/keel/test-service";

	private final MongoTemplate mongo;

	private final OutboxRelay relay;

	private final String topic;

	Orders(MongoTemplate mongo, OutboxRelay relay, String topic) {
		this.mongo = mongo;
		this.relay = relay;
		this.topic = topic;
	}

	EventEnvelope<DocumentCreated> place(String id, String traceparent) {
		DocumentCreated created = DocumentCreated.of(COLLECTION, id, "u-1", "u-1", 1, "owner", List.of("status"),
				Map.of("_id", id, "status", "placed"), false);
		EventEnvelope<DocumentCreated> envelope = EventEnvelope.wrap(SOURCE, created, traceparent);
		Document order = new Document("_id", id).append("status", "placed").append("_version", 1L);
		this.mongo.insert(Outbox.attach(order, Outbox.entry(this.topic, envelope)), COLLECTION);
		this.relay.wakeUp();
		return envelope;
	}

	EventEnvelope<DocumentUpdated> changeStatus(String id, long version, String status) {
		DocumentUpdated updated = DocumentUpdated.of(COLLECTION, id, "u-1", "u-1", version + 1, "owner",
				List.of("status"), Map.of("_id", id, "status", status), false);
		EventEnvelope<DocumentUpdated> envelope = EventEnvelope.wrap(SOURCE, updated, null);
		Update change = new Update().set("status", status).inc("_version", 1);
		long matched = this.mongo
			.updateFirst(current(id, version), Outbox.push(change, Outbox.entry(this.topic, envelope)), COLLECTION)
			.getMatchedCount();
		if (matched != 1) {
			throw new IllegalStateException("Order " + id + " is not at version " + version);
		}
		this.relay.wakeUp();
		return envelope;
	}

	EventEnvelope<DocumentDeleted> cancel(String id, long version) {
		DocumentDeleted deleted = DocumentDeleted.of(COLLECTION, id, "u-1", "u-1", version, "owner");
		EventEnvelope<DocumentDeleted> envelope = EventEnvelope.wrap(SOURCE, deleted, null);
		Update deletion = Outbox.deleteWhenDrained(new Update(), Outbox.entry(this.topic, envelope));
		this.mongo.updateFirst(current(id, version), deletion, COLLECTION);
		this.relay.wakeUp();
		return envelope;
	}

	Document find(String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(Outbox.notDeleted())),
				Document.class, COLLECTION);
	}

	private static Query current(String id, long version) {
		return Query.query(Criteria.where("_id").is(id).and("_version").is(version).andOperator(Outbox.notDeleted()));
	}

}
