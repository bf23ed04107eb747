package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A passwordless sign-in email should be sent: a 6-digit code and a sign-in link, both
 * single use. The event carries them because the notification service writes the email
 * and cannot learn them any other way. Nothing else secret travels with it, and
 * {@link #toString()} hides the code and the link token so they stay out of logs.
 *
 * @param eventId the event id
 * @param occurredAt when the code was issued
 * @param userId the user who asked to sign in
 * @param email the address to send the code to
 * @param displayName the user's display name for the greeting, or {@code null}
 * @param code the single-use 6-digit code
 * @param token the single-use link token, or {@code null} when the request named no
 * {@code redirect_to} (the email then carries the code only)
 * @param expiresAt when the code and the link stop working
 */
public record OtpRequested(String eventId, Instant occurredAt, String userId, String email, String displayName,
		String code, String token, Instant expiresAt) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.otp-requested";

	public OtpRequested {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * A sign-in code issued now, under a new event id.
	 * @param userId the user who asked to sign in
	 * @param email the address to send the code to
	 * @param displayName the display name, or {@code null}
	 * @param code the single-use 6-digit code
	 * @param token the single-use link token, or {@code null} when the request named no
	 * {@code redirect_to} (the email then carries the code only)
	 * @param expiresAt when the code and the link stop working
	 * @return the event
	 */
	public static OtpRequested of(String userId, String email, String displayName, String code, String token,
			Instant expiresAt) {
		return new OtpRequested(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email, displayName, code, token, expiresAt);
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String toString() {
		return "OtpRequested[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", userId=" + this.userId
				+ ", email=" + this.email + ", displayName=" + this.displayName
				+ ", code=<hidden>, token=<hidden>, expiresAt=" + this.expiresAt + "]";
	}

}
