package dev.keel.auth.token;

import java.util.List;

/** The result of presenting a refresh token. */
sealed interface RefreshOutcome {

	/**
	 * @param sessionId the family id
	 * @param subject the user the session belongs to
	 * @param refreshToken the new refresh token, in the clear, to hand to the client once
	 * @param amr how the user signed in when the session started
	 */
	record Refreshed(String sessionId, String subject, String refreshToken,
			List<String> amr) implements RefreshOutcome {
	}

	/**
	 * Unknown, used, revoked or expired; {@code description} says which, for the client.
	 */
	record Invalid(String description) implements RefreshOutcome {
	}

}
