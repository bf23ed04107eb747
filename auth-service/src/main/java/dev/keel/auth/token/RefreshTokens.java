package dev.keel.auth.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.keel.auth.config.TokenProperties;
import dev.keel.auth.token.RefreshOutcome.Invalid;
import dev.keel.auth.token.RefreshOutcome.Refreshed;

/**
 * Starts sessions and rotates their refresh tokens, applying the decisions of
 * {@link RefreshTokenFamily} to the store atomically. Only hashes of refresh tokens are
 * stored.
 */
@Service
class RefreshTokens {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

	/** Attempts when concurrent refreshes of one family keep changing it under us. */
	private static final int MAX_ATTEMPTS = 5;

	private final RefreshTokenStore store;

	private final TokenProperties.Tokens settings;

	private final RotationPolicy policy;

	RefreshTokens(RefreshTokenStore store, TokenProperties properties) {
		this.store = store;
		this.settings = properties.tokens();
		this.policy = new RotationPolicy(this.settings.graceWindow(), this.settings.refreshTokenIdleLifetime());
	}

	/**
	 * Starts a session (a new family) for a user who just logged in.
	 * @param origin how and from where they signed in, shown in their list of sessions
	 * @param amr how they signed in, kept for the access tokens of later refreshes
	 */
	Refreshed start(String subject, SessionOrigin origin, List<String> amr) {
		String token = OpaqueTokens.newToken();
		RefreshTokenFamily family = RefreshTokenFamily.start(OpaqueTokens.newId(), subject, OpaqueTokens.hash(token),
				now(), this.settings.refreshTokenLifetime(), origin, amr);
		this.store.insert(family);
		this.store.insert(new IssuedRefreshToken(OpaqueTokens.hash(token), family.id(), family.expiresAt()));
		return new Refreshed(family.id(), subject, token, family.amr());
	}

	RefreshOutcome refresh(String presented) {
		String hash = OpaqueTokens.hash(presented);
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			RefreshTokenFamily family = this.store.familyOfToken(hash).orElse(null);
			if (family == null) {
				return new Invalid("The refresh token is not valid.");
			}
			String replacement = OpaqueTokens.newToken();
			RefreshDecision decision = family.present(hash, OpaqueTokens.hash(replacement), now(), this.policy);
			RefreshOutcome outcome = apply(family, decision, replacement);
			if (outcome != null) {
				return outcome;
			}
		}
		return new Invalid("The session is being refreshed concurrently too often; try again.");
	}

	/** Revokes the family of the token, if it is a refresh token of a live family. */
	void revoke(String presented) {
		this.store.familyOfToken(OpaqueTokens.hash(presented))
			.ifPresent((family) -> this.store.revoke(family.id(), now()));
	}

	void revokeSession(String sessionId) {
		this.store.revoke(sessionId, now());
	}

	/**
	 * @return the outcome, or {@code null} when the family changed meanwhile
	 */
	private RefreshOutcome apply(RefreshTokenFamily family, RefreshDecision decision, String replacement) {
		return switch (decision) {
			case RefreshDecision.Rotated rotated -> issue(rotated.next(), replacement);
			case RefreshDecision.Reissued reissued -> issue(reissued.next(), replacement);
			case RefreshDecision.ReuseDetected reuse -> {
				this.store.revoke(family.id(), now());
				log.warn("Refresh token reuse detected: revoked session {} of {}", family.id(), family.subject());
				yield new Invalid("The refresh token was already used; the session has been revoked.");
			}
			case RefreshDecision.Refused refused ->
				new Invalid("The refresh token is no longer valid: " + refused.reason() + ".");
		};
	}

	private Refreshed issue(RefreshTokenFamily next, String token) {
		if (!this.store.update(next)) {
			return null;
		}
		this.store.insert(new IssuedRefreshToken(OpaqueTokens.hash(token), next.id(), next.expiresAt()));
		return new Refreshed(next.id(), next.subject(), token, next.amr());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
