package dev.keel.gateway.security;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.keel.gateway.error.Failure;
import dev.keel.token.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why the gateway turned a request away at the door. The name in lower case is the
 * {@code reason} tag of the {@code keel.gateway.tokens.rejected} counter.
 */
enum Rejection {

	/** No bearer token on a route that needs one. */
	MISSING(HttpStatus.UNAUTHORIZED, "unauthorized", "This request needs a bearer token in the Authorization header."),

	/** Not a signed JWT in the {@code Bearer} scheme. */
	MALFORMED("The bearer token is not a well-formed signed JWT."),

	/** {@code alg: none}, HMAC, or an algorithm that does not fit the key. */
	ALGORITHM(Refusal.ALGORITHM),

	/** A {@code typ} other than a JWT or an access token. */
	TYPE(Refusal.TYPE),

	/** A {@code kid} that auth-service does not publish. */
	UNKNOWN_KEY("The bearer token was signed with a key that auth-service does not publish."),

	SIGNATURE("The bearer token's signature is not valid."),

	EXPIRED(Refusal.EXPIRED),

	NOT_YET_VALID(Refusal.NOT_YET_VALID),

	ISSUER(Refusal.ISSUER),

	AUDIENCE(Refusal.AUDIENCE),

	/** No {@code sub}, {@code exp} or {@code iat}. */
	CLAIMS(Refusal.MISSING_CLAIM),

	/**
	 * The token names a key the gateway has not seen, and auth-service cannot be asked.
	 */
	KEYS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
			"Tokens cannot be verified right now; try again shortly.");

	private final Failure failure;

	/**
	 * The rejection for a broken token rule, with the rule's own description.
	 * @param refusal the rule the token breaks
	 * @return the rejection
	 */
	static Rejection of(Refusal refusal) {
		return switch (refusal) {
			case ALGORITHM -> ALGORITHM;
			case TYPE -> TYPE;
			case MISSING_CLAIM -> CLAIMS;
			case EXPIRED -> EXPIRED;
			case NOT_YET_VALID -> NOT_YET_VALID;
			case ISSUER -> ISSUER;
			case AUDIENCE -> AUDIENCE;
		};
	}

	Rejection(String detail) {
		this(HttpStatus.UNAUTHORIZED, "invalid_token", detail);
	}

	Rejection(Refusal rule) {
		this(rule.description());
	}

	Rejection(HttpStatus status, String code, String detail) {
		this.failure = new Failure(status, code, detail);
	}

	Failure failure() {
		return this.failure;
	}

	/**
	 * The RFC 6750 challenge: {@code Bearer} alone when no token was sent, with the error
	 * and its description when one was refused.
	 * @return the {@code WWW-Authenticate} value, or {@code null} for a 503
	 */
	@Nullable String challenge() {
		return switch (this) {
			case MISSING -> "Bearer";
			case KEYS_UNAVAILABLE -> null;
			default -> "Bearer error=\"invalid_token\", error_description=\"" + this.failure.detail() + "\"";
		};
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
