package dev.keel.auth.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.keel.auth.config.TokenProperties;

/**
 * A user's own view of their sessions (refresh-token families): the live ones, newest
 * first, and ending one or all but the current one. Ending a session stops its refresh
 * token at once; its access tokens run out on their own (at most their lifetime).
 */
@Service
class UserSessions {

	private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

	private final RefreshTokenStore store;

	private final RotationPolicy policy;

	UserSessions(RefreshTokenStore store, TokenProperties properties) {
		this.store = store;
		this.policy = new RotationPolicy(properties.tokens().graceWindow(),
				properties.tokens().refreshTokenIdleLifetime());
	}

	/**
	 * @param currentSessionId the {@code sid} of the caller's access token, marked
	 * {@code current}; {@code null} for none
	 */
	List<SessionView> list(String userId, String currentSessionId) {
		Instant now = now();
		return this.store.unrevokedSessionsOf(userId, now)
			.stream()
			.filter((family) -> family.active(now, this.policy))
			.map((family) -> SessionView.of(family, family.id().equals(currentSessionId)))
			.toList();
	}

	/**
	 * @return whether a live session of this user with this id was ended
	 */
	boolean end(String userId, String sessionId) {
		boolean ended = this.store.revoke(sessionId, userId, now());
		if (ended) {
			log.info("Ended session {} of {}", sessionId, userId);
		}
		return ended;
	}

	/**
	 * @param keepSessionId the session to keep; {@code null} ends them all
	 * @return how many sessions were ended
	 */
	long endAllBut(String userId, String keepSessionId) {
		long ended = (keepSessionId != null) ? this.store.revokeAllExcept(userId, keepSessionId, now())
				: this.store.revokeAll(userId, now());
		log.info("Ended {} sessions of {}", ended, userId);
		return ended;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
