package dev.keel.token;

/**
 * Why a token breaks one of the {@link TokenRules}. The descriptions are what clients
 * read in {@code WWW-Authenticate} and in the problem's {@code detail}.
 */
public enum Refusal {

	/** {@code alg: none}, HMAC, or any algorithm but RS256. */
	ALGORITHM("The bearer token is not signed with an algorithm that Keel accepts."),

	/** A {@code typ} other than a JWT or an access token. */
	TYPE("The bearer token is not an access token."),

	/** No {@code sub}, {@code exp} or {@code iat}. */
	MISSING_CLAIM("The bearer token lacks a claim that Keel requires."),

	/** {@code exp} has passed, clock skew included. */
	EXPIRED("The bearer token has expired."),

	/** {@code nbf} or {@code iat} lies further ahead than the clock skew. */
	NOT_YET_VALID("The bearer token is not valid yet."),

	/** An {@code iss} other than this platform's auth-service. */
	ISSUER("The bearer token was not issued by this platform's auth-service."),

	/** An {@code aud} without Keel's audience. */
	AUDIENCE("The bearer token is not meant for Keel.");

	private final String description;

	Refusal(String description) {
		this.description = description;
	}

	/**
	 * What is wrong, in a sentence a client developer understands.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

}
