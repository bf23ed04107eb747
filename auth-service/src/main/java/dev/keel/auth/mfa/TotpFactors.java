package dev.keel.auth.mfa;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

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
 * One TOTP factor per user: the secret sealed with the master key, whether it is
 * confirmed, the last time step a code was accepted for (every acceptance moves it
 * forward in one conditional update, so a step is never accepted twice, even by two
 * requests at once), the SHA-256 hashes of the unused recovery codes, and the wrong codes
 * counted at the account endpoints (five within fifteen minutes lock them).
 */
@Component
class TotpFactors implements InitializingBean {

	static final int MAX_GUESSES = 5;

	static final Duration GUESS_WINDOW = Duration.ofMinutes(15);

	private static final String COLLECTION = "mfa_totp";

	/** A stored factor; {@code sealedSecret} opens with the user id as context. */
	record Factor(String userId, String sealedSecret, boolean confirmed) {
	}

	private final MongoTemplate mongo;

	TotpFactors(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One factor per user, by a unique index on the user id (not on {@code _id}, which
	 * Spring Data would turn into an ObjectId for ids that look like one).
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("userId", Sort.Direction.ASC).unique());
	}

	/** Starts or restarts an enrollment; false when the user has a confirmed factor. */
	boolean startEnrollment(String userId, String sealedSecret) {
		Query unconfirmed = new Query(byUser(userId).and("confirmed").is(false));
		this.mongo.remove(unconfirmed, COLLECTION);
		Document pending = new Document("userId", userId).append("secret", sealedSecret)
			.append("confirmed", false)
			.append("lastStep", Long.MIN_VALUE)
			.append("guesses", 0)
			.append("guessesSince", new Date())
			.append("createdAt", new Date());
		try {
			this.mongo.insert(pending, COLLECTION);
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<Factor> find(String userId) {
		Document found = this.mongo.findOne(new Query(byUser(userId)), Document.class, COLLECTION);
		return Optional.ofNullable(found)
			.map((document) -> new Factor(userId, document.getString("secret"), document.getBoolean("confirmed")));
	}

	boolean hasConfirmed(String userId) {
		return this.mongo.exists(new Query(byUser(userId).and("confirmed").is(true)), COLLECTION);
	}

	/** Takes the step for a code; false when it, or a later one, was taken already. */
	boolean claimStep(String userId, long step) {
		return this.mongo
			.updateFirst(new Query(byUser(userId).and("lastStep").lt(step)), new Update().set("lastStep", step),
					COLLECTION)
			.getModifiedCount() == 1;
	}

	/**
	 * Counts a guess at the account endpoints before it is compared; false when five were
	 * made in the current window.
	 */
	boolean countGuess(String userId) {
		Date windowStart = Date.from(Instant.now().minus(GUESS_WINDOW));
		this.mongo.updateFirst(new Query(byUser(userId).and("guessesSince").lt(windowStart)),
				new Update().set("guesses", 0).set("guessesSince", new Date()), COLLECTION);
		return this.mongo
			.updateFirst(new Query(byUser(userId).and("guesses").lt(MAX_GUESSES)), new Update().inc("guesses", 1),
					COLLECTION)
			.getModifiedCount() == 1;
	}

	void resetGuesses(String userId) {
		this.mongo.updateFirst(new Query(byUser(userId)), new Update().set("guesses", 0), COLLECTION);
	}

	/** Confirms a pending factor with the hashes of its recovery codes. */
	boolean confirm(String userId, List<String> recoveryCodeHashes) {
		return this.mongo.updateFirst(new Query(byUser(userId).and("confirmed").is(false)),
				new Update().set("confirmed", true)
					.set("recoveryCodes", recoveryCodeHashes)
					.set("confirmedAt", new Date()),
				COLLECTION)
			.getModifiedCount() == 1;
	}

	/** Spends a recovery code: true once per code, even for requests at once. */
	boolean spendRecoveryCode(String userId, String codeHash) {
		return this.mongo
			.updateFirst(new Query(byUser(userId).and("confirmed").is(true).and("recoveryCodes").is(codeHash)),
					new Update().pull("recoveryCodes", codeHash), COLLECTION)
			.getModifiedCount() == 1;
	}

	void remove(String userId) {
		this.mongo.remove(new Query(byUser(userId)), COLLECTION);
	}

	private static Criteria byUser(String userId) {
		return Criteria.where("userId").is(userId);
	}

}
