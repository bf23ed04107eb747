package dev.keel.auth.mfa;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sign-ins waiting for their second step: an {@code mfa_token} (stored as its SHA-256
 * hash) for five minutes, with the user and how the first step was made. Every guess is
 * counted before it is compared, in one update that only counts while fewer than five
 * were made, so a challenge never gets more than five comparisons; a completed challenge
 * is deleted, so a token is used once.
 */
@Component
class MfaChallenges implements InitializingBean {

	static final Duration LIFETIME = Duration.ofMinutes(5);

	static final int MAX_GUESSES = 5;

	private static final String COLLECTION = "mfa_challenges";

	/** A challenge that may be guessed at. */
	record Challenge(String id, String userId, List<String> amr) {
	}

	private final MongoTemplate mongo;

	MfaChallenges(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	String issue(String userId, List<String> amr) {
		String token = Secrets.token();
		this.mongo.insert(new Document("_id", Secrets.hash(token)).append("userId", userId)
			.append("amr", amr)
			.append("guesses", 0)
			.append("expiresAt", Date.from(Instant.now().plus(LIFETIME))), COLLECTION);
		return token;
	}

	/**
	 * Counts a guess at the challenge; empty when the token is unknown, expired, used or
	 * has had its five guesses.
	 */
	Optional<Challenge> guess(String token) {
		Query open = new Query(Criteria.where("_id")
			.is(Secrets.hash(token))
			.and("expiresAt")
			.gt(new Date())
			.and("guesses")
			.lt(MAX_GUESSES));
		Document found = this.mongo.findAndModify(open, new Update().inc("guesses", 1),
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
		return Optional.ofNullable(found)
			.map((challenge) -> new Challenge(challenge.getString("_id"), challenge.getString("userId"),
					challenge.getList("amr", String.class)));
	}

	/** Ends the challenge; false when another request completed it first. */
	boolean complete(Challenge challenge) {
		return this.mongo.remove(new Query(Criteria.where("_id").is(challenge.id())), COLLECTION)
			.getDeletedCount() == 1;
	}

}
