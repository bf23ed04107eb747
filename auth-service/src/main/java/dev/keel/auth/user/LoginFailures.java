package dev.keel.auth.user;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Recent failed logins per account, kept in MongoDB so that the lockout holds across
 * instances and restarts. Keyed by the normalized email, known or not, so that throttling
 * reveals nothing about which accounts exist.
 */
@Component
class LoginFailures implements InitializingBean {

	private static final String COLLECTION = "login_failures";

	private static final int KEPT = 20;

	private final MongoTemplate mongo;

	LoginFailures(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Indexes exist before the first request: the embedded store does not guard index
	 * creation against writes.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index("lastFailureAt", Sort.Direction.ASC).expire(java.time.Duration.ofDays(1)));
	}

	List<Instant> recent(String email) {
		Document document = this.mongo.findById(User.normalize(email), Document.class, COLLECTION);
		if (document == null) {
			return List.of();
		}
		return document.getList("failures", java.util.Date.class).stream().map(java.util.Date::toInstant).toList();
	}

	void record(String email, Instant at) {
		Update update = new Update().push("failures")
			.slice(-KEPT)
			.each(java.util.Date.from(at))
			.set("lastFailureAt", at);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(User.normalize(email))), update, COLLECTION);
	}

	void clear(String email) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(User.normalize(email))), COLLECTION);
	}

}
