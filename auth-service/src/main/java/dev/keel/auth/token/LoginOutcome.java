package dev.keel.auth.token;

import java.time.Duration;

/** The answer of {@link PasswordLogin}. */
public sealed interface LoginOutcome {

	/** The email and password match an active user. */
	record Authenticated(Principal principal) implements LoginOutcome {
	}

	/**
	 * Unknown email, wrong password or disabled account: deliberately indistinguishable.
	 */
	record Rejected() implements LoginOutcome {
	}

	/** Too many recent failures for this account; try again after {@code retryAfter}. */
	record Throttled(Duration retryAfter) implements LoginOutcome {
	}

	/**
	 * Too many passwords are being checked at once; nothing was decided, try again after
	 * {@code retryAfter}.
	 */
	record Busy(Duration retryAfter) implements LoginOutcome {
	}

}
