package dev.keel.auth.handoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * One-time codes that hand a browser sign-in over to the app: issued for a user, an
 * {@code S256} PKCE challenge and an allowed redirect, stored only as a SHA-256 hash in
 * {@code sign_in_handoffs}, valid {@link #LIFETIME two minutes}, and redeemed once with
 * the verifier and the same redirect. Redeeming is one atomic find-and-delete, so a code
 * works at most once even under concurrent use; any attempt with a current code spends
 * it, whether or not the verifier and redirect match.
 */
@Component
public class SignInHandoffs implements InitializingBean {

	/** How long a code can be exchanged: enough for a redirect and one request. */
	public static final Duration LIFETIME = Duration.ofMinutes(2);

	private static final String COLLECTION = "sign_in_handoffs";

	private static final int MAX_CODE_LENGTH = 200;

	/** The user a redeemed code was issued for, and how they signed in. */
	public record Redeemed(String userId, String method) {
	}

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final RedirectAllowList allowList;

	SignInHandoffs(MongoTemplate mongo, RedirectAllowList allowList) {
		this.mongo = mongo;
		this.allowList = allowList;
	}

	/**
	 * The expiry is read by every redeem; the TTL index only clears old documents away on
	 * MongoDB (the embedded store keeps them until the next issue removes them).
	 */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	/**
	 * @param userId who signed in
	 * @param method how they signed in (e.g. {@code magic_link}, or a provider's name)
	 * @param codeChallenge the app's {@code S256} PKCE challenge
	 * @param redirectTo where the browser goes with the code; must be on the allow-list
	 * @return a code of 256 random bits, base64url, for {@code redirectTo?code=…}
	 * @throws IllegalArgumentException for a malformed challenge or a redirect the
	 * allow-list refuses: callers check both before anything else happens
	 */
	public String issue(String userId, String method, String codeChallenge, String redirectTo) {
		if (userId == null || method == null || !Pkce.validChallenge(codeChallenge)
				|| !this.allowList.allows(redirectTo)) {
			throw new IllegalArgumentException(
					"A handoff needs a user, a method, an S256 code challenge " + "and a redirect on the allow-list");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lte(Date.from(now))), COLLECTION);
		this.mongo.insert(new Document("_id", hash(code)).append("userId", userId)
			.append("method", method)
			.append("codeChallenge", codeChallenge)
			.append("redirectTo", redirectTo)
			.append("expiresAt", Date.from(now.plus(LIFETIME))), COLLECTION);
		return code;
	}

	/**
	 * Spends the code and answers whom it was issued for, when it is current, the
	 * verifier matches its challenge and {@code redirectUri}, when given, is the one it
	 * was issued for; otherwise empty. A malformed verifier spends nothing. The redirect
	 * is optional, as in API.md: the verifier alone proves the caller is the app that
	 * asked.
	 */
	public Optional<Redeemed> redeem(String code, String codeVerifier, String redirectUri) {
		if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH || !Pkce.validVerifier(codeVerifier)) {
			return Optional.empty();
		}
		Document handoff = this.mongo.findAndRemove(
				Query.query(Criteria.where("_id").is(hash(code)).and("expiresAt").gt(Date.from(Instant.now()))),
				Document.class, COLLECTION);
		if (handoff == null || (redirectUri != null && !handoff.getString("redirectTo").equals(redirectUri))
				|| !MessageDigest.isEqual(bytes(handoff.getString("codeChallenge")),
						bytes(Pkce.challenge(codeVerifier)))) {
			return Optional.empty();
		}
		return Optional.of(new Redeemed(handoff.getString("userId"), handoff.getString("method")));
	}

	/**
	 * The URL the browser is sent to: the redirect with the code added to its query.
	 */
	public static String redirectWithCode(String redirectTo, String code) {
		return redirectTo + ((redirectTo.indexOf('?') < 0) ? "?" : "&") + "code=" + code;
	}

	private static String hash(String code) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Pkce.sha256(code));
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

}
