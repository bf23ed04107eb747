package dev.keel.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A login session: the refresh tokens that descend from one login, identified by their
 * SHA-256 hashes. Stored as it is in {@code refresh_token_families}; its id is the
 * {@code sid} claim of the session's access tokens.
 * <p>
 * The rules: presenting a live token rotates it (a new token replaces every live one);
 * presenting a token from the last rotation again within the grace window issues one more
 * live token of the same family (two tabs that refreshed at once); presenting any other
 * used token is reuse, which revokes the family. A revoked or expired family refuses
 * everything.
 *
 * @param id the family (session) id
 * @param subject the user the session belongs to
 * @param createdAt when the user logged in
 * @param expiresAt the absolute end of the session
 * @param lastUsedAt the last login or refresh, for the idle lifetime
 * @param live hashes of the tokens that may be presented now: one, or a few after grace
 * re-issues
 * @param rotatedOut hashes of the tokens that were live until the last rotation
 * @param rotatedAt when the last rotation happened; {@code null} before the first
 * @param revokedAt when the family was revoked; {@code null} while it is not
 * @param version incremented on every stored change, for optimistic concurrency
 * @param origin how and from where the session was started; {@code null} for sessions
 * stored before it was recorded
 * @param amr how the user signed in (the access tokens' {@code amr}); empty for sessions
 * started before it was recorded
 */
record RefreshTokenFamily(String id, String subject, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		List<String> live, List<String> rotatedOut, Instant rotatedAt, Instant revokedAt, long version,
		SessionOrigin origin, List<String> amr) {

	/** How many live tokens grace re-issues may accumulate; more looks like an attack. */
	static final int MAX_LIVE_TOKENS = 5;

	RefreshTokenFamily {
		live = List.copyOf(live);
		rotatedOut = List.copyOf(rotatedOut);
		amr = (amr != null) ? List.copyOf(amr) : List.of();
	}

	static RefreshTokenFamily start(String id, String subject, String firstHash, Instant now, Duration lifetime,
			SessionOrigin origin, List<String> amr) {
		return new RefreshTokenFamily(id, subject, now, now.plus(lifetime), now, List.of(firstHash), List.of(), null,
				null, 0, origin, amr);
	}

	/**
	 * Decides what presenting the token with {@code hash}, a token of this family, means.
	 * @param replacementHash the hash of the token to issue if one is issued
	 */
	RefreshDecision present(String hash, String replacementHash, Instant now, RotationPolicy policy) {
		if (this.revokedAt != null) {
			return new RefreshDecision.Refused("the session was revoked");
		}
		if (!now.isBefore(this.expiresAt) || idleExpired(now, policy)) {
			return new RefreshDecision.Refused("the session has expired");
		}
		if (this.live.contains(hash)) {
			return new RefreshDecision.Rotated(rotate(replacementHash, now));
		}
		if (withinGrace(hash, now, policy) && this.live.size() < MAX_LIVE_TOKENS) {
			return new RefreshDecision.Reissued(reissue(replacementHash, now));
		}
		return new RefreshDecision.ReuseDetected();
	}

	boolean revoked() {
		return this.revokedAt != null;
	}

	/**
	 * Whether the session may still be continued: not revoked, expired or idle too long.
	 */
	boolean active(Instant now, RotationPolicy policy) {
		return this.revokedAt == null && now.isBefore(this.expiresAt) && !idleExpired(now, policy);
	}

	private boolean idleExpired(Instant now, RotationPolicy policy) {
		return policy.idleLifetime() != null && !now.isBefore(this.lastUsedAt.plus(policy.idleLifetime()));
	}

	private boolean withinGrace(String hash, Instant now, RotationPolicy policy) {
		return this.rotatedOut.contains(hash) && !now.isAfter(this.rotatedAt.plus(policy.graceWindow()));
	}

	private RefreshTokenFamily rotate(String replacementHash, Instant now) {
		return new RefreshTokenFamily(this.id, this.subject, this.createdAt, this.expiresAt, now,
				List.of(replacementHash), this.live, now, null, this.version, this.origin, this.amr);
	}

	private RefreshTokenFamily reissue(String replacementHash, Instant now) {
		List<String> live = new ArrayList<>(this.live);
		live.add(replacementHash);
		return new RefreshTokenFamily(this.id, this.subject, this.createdAt, this.expiresAt, now, live, this.rotatedOut,
				this.rotatedAt, null, this.version, this.origin, this.amr);
	}

}
