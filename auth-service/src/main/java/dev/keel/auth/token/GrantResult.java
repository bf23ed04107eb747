package dev.keel.auth.token;

import java.time.Duration;

/** What the token endpoint answers to a grant request. */
sealed interface GrantResult {

	record Granted(TokenResponse response) implements GrantResult {
	}

	/** A 400: invalid_request, invalid_grant or unsupported_grant_type. */
	record Refused(OAuthError error) implements GrantResult {
	}

	/**
	 * A 400 {@code mfa_required}: the first step was right, the user has a second factor;
	 * the token completes the sign-in with {@code urn:keel:mfa-otp} or
	 * {@code urn:keel:mfa-recovery}.
	 */
	record MfaRequired(String mfaToken) implements GrantResult {
	}

	/** A 401 invalid_client; {@code basic} when the client used HTTP Basic. */
	record ClientRefused(String description, boolean basic) implements GrantResult {
	}

	/** A 429: too many failed logins for the account. */
	record Throttled(Duration retryAfter) implements GrantResult {
	}

	/** A 503 temporarily_unavailable: too many password checks at once. */
	record Unavailable(Duration retryAfter) implements GrantResult {
	}

	static Refused refused(String error, String description) {
		return new Refused(new OAuthError(error, description));
	}

}
