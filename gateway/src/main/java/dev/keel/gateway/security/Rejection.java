package dev.keel.gateway.security;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.keel.gateway.error.Failure;

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
	ALGORITHM("The bearer token is not signed with an algorithm that Keel accepts."),

	/** A {@code typ} other than a JWT or an access token. */
	TYPE("The bearer token is not an access token."),

	/** A {@code kid} that auth-service does not publish. */
	UNKNOWN_KEY("The bearer token was signed with a key that auth-service does not publish."),

	SIGNATURE("The bearer token's signature is not valid."),

	EXPIRED("The bearer token has expired."),

	NOT_YET_VALID("The bearer token is not valid yet."),

	ISSUER("The bearer token was not issued by this platform's auth-service."),

	AUDIENCE("The bearer token is not meant for Keel."),

	/** No {@code sub}, {@code exp} or {@code iat}. */
	CLAIMS("The bearer token lacks a claim that Keel requires."),

	/**
	 * The token names a key the gateway has not seen, and auth-service cannot be asked.
	 */
	KEYS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
			"Tokens cannot be verified right now; try again shortly.");

	private final Failure failure;

	Rejection(String detail) {
		this(HttpStatus.UNAUTHORIZED, "invalid_token", detail);
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
