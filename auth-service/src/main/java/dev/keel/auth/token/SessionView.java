package dev.keel.auth.token;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A session as its user (or an admin) sees it.
 *
 * @param id the session id, the {@code sid} claim of its access tokens
 * @param createdAt when the user signed in
 * @param lastUsedAt the sign-in or the last refresh
 * @param userAgent the user agent that signed in, at most 256 characters; {@code null}
 * when none was sent
 * @param ip the client IP it signed in from; {@code null} when unknown
 * @param method how the user signed in
 * @param current whether the access token of this request belongs to this session
 */
record SessionView(String id, Instant createdAt, Instant lastUsedAt, String userAgent, String ip,
		@Schema(description = "password, otp, magic_link, anonymous, provider (id_token exchange), or the "
				+ "identity provider's name (browser sign-in); null for sessions from before it was recorded",
				example = "password") String method,
		boolean current) {

	static SessionView of(RefreshTokenFamily family, boolean current) {
		SessionOrigin origin = family.origin();
		return (origin != null)
				? new SessionView(family.id(), family.createdAt(), family.lastUsedAt(), origin.userAgent(), origin.ip(),
						origin.method(), current)
				: new SessionView(family.id(), family.createdAt(), family.lastUsedAt(), null, null, null, current);
	}

}
