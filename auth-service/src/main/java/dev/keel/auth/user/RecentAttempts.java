package dev.keel.auth.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Attempts per key (a login per account, a mail per address), reserved in MongoDB
 * <em>before</em> the work they guard, so that parallel requests and other instances are
 * counted in time. One document per key holds the times of its last attempts; a
 * reservation is one conditional upsert that pushes the time only when the quota allows
 * it. When it does not, the upsert's insert collides with the existing document
 * (duplicate key): that means "refused". Needs no transactions, so it works the same on
 * the embedded store and on real MongoDB. Each kept attempt is {@code {t: time, n: id}},
 * so that one attempt whose work never ran can be given back.
 */
@Component
class RecentAttempts implements InitializingBean {

	private static final String COLLECTION = "attempts";

	/** Reservations that lose a race for a new key try again this often. */
	private static final int TRIES = 3;

	private final MongoTemplate mongo;

	private final Clock clock;

	@Autowired
	RecentAttempts(MongoTemplate mongo) {
		this(mongo, Clock.systemUTC());
	}

	RecentAttempts(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Indexes exist before the first request: the embedded store does not guard index
	 * creation against writes. Real MongoDB removes a key once its quota has forgotten
	 * it.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	/**
	 * Counts an attempt for the key if the quota allows one now.
	 * @return empty when the attempt is reserved, otherwise how long until one would be
	 */
	Optional<Duration> reserve(String key, AttemptQuota quota) {
		return reserve(key, quota, ThreadLocalRandom.current().nextLong());
	}

	/**
	 * Counts an attempt, under an id the caller chose, if the quota allows one now.
	 * @return empty when the attempt is reserved, otherwise how long until one would be
	 */
	Optional<Duration> reserve(String key, AttemptQuota quota, long id) {
		for (int i = 0; i < TRIES; i++) {
			Instant now = this.clock.instant();
			try {
				this.mongo.upsert(allowing(key, quota, now), attempt(quota, now, id), COLLECTION);
				return Optional.empty();
			}
			catch (DuplicateKeyException ex) {
				Optional<Duration> refused = quota.refusedFor(attempts(key), now);
				if (refused.isPresent()) {
					return refused;
				}
				// the key was created or cleared by a parallel attempt: try again
			}
		}
		return Optional.of(Duration.ofSeconds(1));
	}

	/**
	 * Gives one reserved attempt back, as when its work was refused before it ran (the
	 * password was never checked); the key's other attempts stay.
	 */
	void release(String key, long id) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
				new Update().pull("at", new Document("n", id)), COLLECTION);
	}

	/** Forgets the key's attempts, as after a successful login. */
	void clear(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
	}

	List<Instant> attempts(String key) {
		Document document = this.mongo.findById(key, Document.class, COLLECTION);
		if (document == null) {
			return List.of();
		}
		return new ArrayList<>(document.getList("at", Document.class, List.of())
			.stream()
			.map((attempt) -> attempt.getDate("t").toInstant())
			.toList());
	}

	/**
	 * The key's document, only if the quota allows another attempt: fewer than
	 * {@code maxAttempts} kept, or the oldest kept one outside the window; and the last
	 * one at least {@code minInterval} ago.
	 */
	private static Query allowing(String key, AttemptQuota quota, Instant now) {
		List<Criteria> conditions = new ArrayList<>();
		conditions.add(new Criteria().orOperator(Criteria.where("at." + (quota.maxAttempts() - 1)).exists(false),
				Criteria.where("at.0.t").lte(Date.from(now.minus(quota.window())))));
		if (quota.minInterval().isPositive()) {
			conditions.add(new Criteria().orOperator(Criteria.where("last").exists(false),
					Criteria.where("last").lte(Date.from(now.minus(quota.minInterval())))));
		}
		return Query.query(Criteria.where("_id").is(key).andOperator(conditions));
	}

	/** Keeps the last {@code maxAttempts} times, oldest first. */
	private static Update attempt(AttemptQuota quota, Instant now, long id) {
		Date at = Date.from(now);
		return new Update().push("at")
			.slice(-quota.maxAttempts())
			.each(new Document("t", at).append("n", id))
			.set("last", at)
			.set("expiresAt", Date.from(now.plus(quota.memory())));
	}

}
