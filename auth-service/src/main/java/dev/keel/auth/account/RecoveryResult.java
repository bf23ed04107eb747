package dev.keel.auth.account;

import java.time.Duration;

/**
 * How a recovery operation ended, reduced to what a page shows.
 */
public sealed interface RecoveryResult {

	/** The token was redeemed, or the request accepted. */
	record Done() implements RecoveryResult {
	}

	/** The token is unknown, used or expired, or its account is gone. */
	record InvalidLink() implements RecoveryResult {
	}

	/**
	 * A field was refused, such as a password the policy does not allow.
	 *
	 * @param field the field, as the API names it ({@code newPassword}, {@code email})
	 * @param message what is wrong with it
	 */
	record Refused(String field, String message) implements RecoveryResult {
	}

	/**
	 * Too many attempts lately.
	 *
	 * @param retryAfter how long to wait
	 */
	record Busy(Duration retryAfter) implements RecoveryResult {
	}

	/** The operation could not be completed now; nothing was changed. */
	record Unavailable() implements RecoveryResult {
	}

}
