package dev.keel.auth.token;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Ends login sessions (refresh-token families). A session's id is the {@code sid} claim
 * of its access tokens. Access tokens already issued stay valid until they expire (at
 * most 15 minutes); the sessions' refresh tokens stop working at once.
 */
@Service
public class SessionRevocation {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

	private final RefreshTokenStore store;

	SessionRevocation(RefreshTokenStore store) {
		this.store = store;
	}

	/** Ends every session of the user: password reset, disabling, deletion. */
	public void revokeAllSessions(String userId) {
		long revoked = this.store.revokeAll(userId, Instant.now());
		log.info("Revoked {} sessions of {}", revoked, userId);
	}

	/**
	 * Ends every session of the user but one: a password change keeps the session it was
	 * made from.
	 * @param keepSessionId the {@code sid} of the caller's access token
	 */
	public void revokeOtherSessions(String userId, String keepSessionId) {
		long revoked = this.store.revokeAllExcept(userId, keepSessionId, Instant.now());
		log.info("Revoked {} other sessions of {}", revoked, userId);
	}

	/** Logout: ends the caller's own session, and nobody else's. */
	void endSession(String userId, String sessionId) {
		this.store.revoke(sessionId, userId, Instant.now());
	}

}
