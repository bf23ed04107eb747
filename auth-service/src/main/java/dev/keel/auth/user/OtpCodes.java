package dev.keel.auth.user;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
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
 * Passwordless sign-in codes: one per user at a time (a new one replaces the last), a
 * 6-digit code and a link token, both stored only as SHA-256 hashes, single use, valid
 * for ten minutes. Every guess is counted <em>before</em> the code is compared, in one
 * atomic update that only counts while fewer than five were made, so parallel guesses
 * never get more than five comparisons.
 */
@Component
class OtpCodes implements InitializingBean {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	static final int MAX_GUESSES = 5;

	private static final String COLLECTION = "otp_codes";

	/** A code and a link as they go into an email, and when they stop working. */
	record Issued(String code, String token, Instant expiresAt) {
	}

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	OtpCodes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Indexes exist before the first request: the embedded store does not guard index
	 * creation against writes.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	/** Issues a new code and link for the user, replacing any earlier ones. */
	Issued issue(String userId) {
		String code = "%06d".formatted(this.random.nextInt(1_000_000));
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = Instant.now().plus(LIFETIME);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(userId)),
				new Update().set("codeHash", hash(userId + ":" + code))
					.set("linkHash", hash(token))
					.set("guesses", 0)
					.set("expiresAt", Date.from(expiresAt))
					.unset("usedAt"),
				COLLECTION);
		return new Issued(code, token, expiresAt);
	}

	/**
	 * Whether the code is the user's current one; counts the guess, and uses the code up
	 * when it matches.
	 */
	boolean redeem(String userId, String code) {
		if (code == null || !code.matches("[0-9]{6}")) {
			return false;
		}
		Document counted = this.mongo.findAndModify(
				current(userId).addCriteria(Criteria.where("guesses").lt(MAX_GUESSES)), new Update().inc("guesses", 1),
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
		if (counted == null
				|| !MessageDigest.isEqual(bytes(counted.getString("codeHash")), bytes(hash(userId + ":" + code)))) {
			return false;
		}
		return useUp(current(userId).addCriteria(Criteria.where("codeHash").is(counted.getString("codeHash"))))
			.isPresent();
	}

	private Optional<Document> useUp(Query query) {
		return Optional.ofNullable(this.mongo.findAndModify(query, new Update().set("usedAt", Date.from(Instant.now())),
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION));
	}

	private static Query current(String userId) {
		return Query.query(Criteria.where("_id")
			.is(userId)
			.and("usedAt")
			.exists(false)
			.and("expiresAt")
			.gt(Date.from(Instant.now())));
	}

	private static byte[] bytes(String hex) {
		return HexFormat.of().parseHex(hex);
	}

	private static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
