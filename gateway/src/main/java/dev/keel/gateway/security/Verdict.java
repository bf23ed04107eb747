package dev.keel.gateway.security;

import java.time.Instant;

/**
 * What checking a bearer token concluded.
 */
sealed interface Verdict {

	/**
	 * The token is valid.
	 *
	 * @param subject its {@code sub}
	 * @param expiresAt its {@code exp}
	 */
	record Accepted(String subject, Instant expiresAt) implements Verdict {
	}

	/**
	 * The token is refused, or cannot be checked.
	 *
	 * @param reason why
	 */
	record Rejected(Rejection reason) implements Verdict {
	}

}
