package dev.keel.auth.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.keel.auth.config.AuthProperties;
import dev.keel.events.audit.AuditRecorded;
import dev.keel.support.outbox.Outbox;

/**
 * The {@code audit} collection: entries are inserted, listed newest first and removed
 * when they expire, never changed. Each entry carries its {@code keel.audit.recorded}
 * event in its outbox, so the entry exists if and only if its event goes out.
 */
@Component
class AuditEntries implements InitializingBean {

	static final String COLLECTION = "audit";

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final String topic;

	private final Duration retention;

	private final Clock clock = Clock.systemUTC();

	AuditEntries(MongoTemplate mongo, Outbox outbox, AuthProperties auth, AuditProperties properties) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.topic = auth.events().topic();
		this.retention = properties.retention();
	}

	/**
	 * Indexes exist before the first entry (the embedded store does not guard index
	 * creation against writes). Real MongoDB removes an entry at its {@code expiresAt};
	 * the embedded store ignores TTL indexes, where {@link AuditJanitor} does it.
	 */
	@Override
	public void afterPropertiesSet() {
		this.outbox.prepare(COLLECTION);
		this.mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("at", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
	}

	void insert(AuditRecorded event) {
		Document entry = new Document("_id", event.entryId()).append("at", Date.from(event.occurredAt()))
			.append("actor", event.actor())
			.append("subject", event.subject())
			.append("action", event.action())
			.append("outcome", event.outcome())
			.append("method", event.method())
			.append("ip", event.ip())
			.append("userAgent", event.userAgent())
			.append("requestId", event.requestId())
			.append("expiresAt", Date.from(event.occurredAt().plus(this.retention)));
		this.mongo.insert(this.outbox.attach(COLLECTION, entry, this.topic, event), COLLECTION);
		this.outbox.wakeUp(COLLECTION, event.entryId());
	}

	/** The entries that match, newest first, starting after the position, if any. */
	List<Document> page(AuditQuery query, int limit) {
		List<Criteria> conditions = new ArrayList<>();
		conditions.add(Criteria.where("expiresAt").gt(Date.from(this.clock.instant())));
		query.equalities().forEach((field, value) -> conditions.add(Criteria.where(field).is(value)));
		if (query.from() != null) {
			conditions.add(Criteria.where("at").gte(Date.from(query.from())));
		}
		if (query.to() != null) {
			conditions.add(Criteria.where("at").lt(Date.from(query.to())));
		}
		if (query.after() != null) {
			Date at = Date.from(query.after().at());
			conditions.add(new Criteria().orOperator(Criteria.where("at").lt(at),
					Criteria.where("at").is(at).and("_id").lt(query.after().id())));
		}
		Query find = Query.query(new Criteria().andOperator(conditions))
			.with(Sort.by(Sort.Direction.DESC, "at", "_id"))
			.limit(limit);
		find.fields().exclude("expiresAt").exclude(Outbox.ENTRIES).exclude(Outbox.LEASE);
		return this.mongo.find(find, Document.class, COLLECTION);
	}

	/** Removes entries past their time, where no TTL index does. */
	long removeExpired(Instant now) {
		return this.mongo.remove(Query.query(Criteria.where("expiresAt").lte(Date.from(now))), COLLECTION)
			.getDeletedCount();
	}

}
