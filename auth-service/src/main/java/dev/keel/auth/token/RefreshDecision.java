package dev.keel.auth.token;

/** What presenting a refresh token to its {@link RefreshTokenFamily} means. */
sealed interface RefreshDecision {

	/** A live token: it is replaced by a new one. */
	record Rotated(RefreshTokenFamily next) implements RefreshDecision {
	}

	/**
	 * The token rotated last, again within the grace window: one more live token of the
	 * same family.
	 */
	record Reissued(RefreshTokenFamily next) implements RefreshDecision {
	}

	/** An already-used token: the family must be revoked. */
	record ReuseDetected() implements RefreshDecision {
	}

	/** A revoked or expired family. */
	record Refused(String reason) implements RefreshDecision {
	}

}
