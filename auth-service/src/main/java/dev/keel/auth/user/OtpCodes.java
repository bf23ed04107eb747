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
 * 6-digit code and, when the request named where the app wants the person back, a link
 * token with that redirect and the app's PKCE challenge. Both are stored only as SHA-256
 * hashes and valid for ten minutes; they are two credentials of one request, so using
 * either ends both. Every guess at the code is counted <em>before</em> it is compared, in
 * one atomic update that only counts while fewer than five were made, so parallel guesses
 * never get more than five comparisons; guesses do not end the link.
 */
@Component
class OtpCodes implements InitializingBean {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	static final int MAX_GUESSES = 5;

	private static final String COLLECTION = "otp_codes";

	/**
	 * A code and a link as they go into an email, and when they stop working.
	 *
	 * @param token the link token, or {@code null} when the request named no redirect
	 */
	record Issued(String code, String token, Instant expiresAt) {
	}

	/** Where a link hands the sign-in over to: the app's redirect and PKCE challenge. */
	record Handoff(String redirectTo, String codeChallenge) {
	}

	/** A link that was just used up: whose it was and where it hands over to. */
	record LinkUsed(String userId, Handoff handoff) {
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
		this.mongo.indexOps(COLLECTION).createIndex(new Index("linkHash", Sort.Direction.ASC).sparse());
	}

	/**
	 * Issues a new code, and a link when there is a handoff, for the user, replacing any
	 * earlier ones.
	 * @param handoff where the link hands over to, or {@code null} for a code only
	 */
	Issued issue(String userId, Handoff handoff) {
		String code = "%06d".formatted(this.random.nextInt(1_000_000));
		Instant expiresAt = Instant.now().plus(LIFETIME);
		Update update = new Update().set("codeHash", hash(userId + ":" + code))
			.set("guesses", 0)
			.set("expiresAt", Date.from(expiresAt))
			.unset("usedAt");
		String token = null;
		if (handoff != null) {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			update.set("linkHash", hash(token))
				.set("redirectTo", handoff.redirectTo())
				.set("codeChallenge", handoff.codeChallenge());
		}
		else {
			update.unset("linkHash").unset("redirectTo").unset("codeChallenge");
		}
		this.mongo.upsert(Query.query(Criteria.where("_id").is(userId)), update, COLLECTION);
		return new Issued(code, token, expiresAt);
	}

	/**
	 * Where a current link hands over to, without using it (for the page a GET shows).
	 */
	Optional<Handoff> peekLink(String token) {
		return Optional.ofNullable(this.mongo.findOne(currentLink(token), Document.class, COLLECTION))
			.map(OtpCodes::handoff);
	}

	/**
	 * Uses up a current link, and with it the code of the same request. (The user id was
	 * stored as an ObjectId when it looks like one.)
	 */
	Optional<LinkUsed> useLink(String token) {
		return useUp(currentLink(token))
			.map((document) -> new LinkUsed(String.valueOf(document.get("_id")), handoff(document)));
	}

	private static Query currentLink(String token) {
		return Query.query(Criteria.where("linkHash")
			.is(hash(token))
			.and("usedAt")
			.exists(false)
			.and("expiresAt")
			.gt(Date.from(Instant.now())));
	}

	private static Handoff handoff(Document document) {
		return new Handoff(document.getString("redirectTo"), document.getString("codeChallenge"));
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
