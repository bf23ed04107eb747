package dev.keel.auth.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * Single-use tokens for email verification and password reset. Only a SHA-256 hash is
 * stored; redeeming is one atomic find-and-modify, so a token works once even under
 * concurrent use.
 */
@Component
class OneTimeTokens implements InitializingBean {

	enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD

	}

	/** A token as it goes into an email, and when it stops working. */
	record Issued(String token, Instant expiresAt) {
	}

	private static final String COLLECTION = "one_time_tokens";

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	OneTimeTokens(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Indexes exist before the first request: the embedded store does not guard index
	 * creation against writes.
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ofDays(1)));
	}

	Issued issue(String userId, Purpose purpose, Duration lifetime) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = Instant.now().plus(lifetime);
		this.mongo.insert(new Document("_id", hash(token)).append("userId", userId)
			.append("purpose", purpose.name())
			.append("expiresAt", expiresAt), COLLECTION);
		return new Issued(token, expiresAt);
	}

	/**
	 * The user id of an unused, unexpired token of that purpose, which is used up by this
	 * call.
	 */
	Optional<String> redeem(String token, Purpose purpose) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Document redeemed = this.mongo.findAndModify(unused(token, purpose), new Update().set("usedAt", Instant.now()),
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
		return Optional.ofNullable(redeemed).map((document) -> document.getString("userId"));
	}

	/**
	 * Whether the token would be redeemed now, without using it up: to check a link
	 * before costly work, and redeem it only after that work succeeded.
	 */
	boolean usable(String token, Purpose purpose) {
		return wellFormed(token) && this.mongo.exists(unused(token, purpose), COLLECTION);
	}

	private static boolean wellFormed(String token) {
		return token != null && !token.isBlank() && token.length() <= 200;
	}

	private static Query unused(String token, Purpose purpose) {
		return Query.query(Criteria.where("_id")
			.is(hash(token))
			.and("purpose")
			.is(purpose.name())
			.and("usedAt")
			.exists(false)
			.and("expiresAt")
			.gt(Instant.now()));
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
