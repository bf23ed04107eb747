package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A verification email should be sent. The event carries the single-use link token
 * because the notification service writes the email and cannot learn the token any other
 * way. Nothing else secret travels with it, and {@link #toString()} hides the token so it
 * stays out of logs.
 *
 * @param eventId the event id
 * @param occurredAt when the token was issued
 * @param userId the user to verify
 * @param email the address to verify and send to
 * @param displayName the user's display name for the greeting, or {@code null}
 * @param token the single-use verification token for the link
 * @param expiresAt when the token stops working
 */
public record EmailVerificationRequested(String eventId, Instant occurredAt, String userId, String email,
		String displayName, String token, Instant expiresAt) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.email-verification-requested";

	public EmailVerificationRequested {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * A verification request issued now, under a new event id.
	 * @param userId the user to verify
	 * @param email the address to verify
	 * @param displayName the display name, or {@code null}
	 * @param token the single-use verification token
	 * @param expiresAt when the token stops working
	 * @return the event
	 */
	public static EmailVerificationRequested of(String userId, String email, String displayName, String token,
			Instant expiresAt) {
		return new EmailVerificationRequested(UUID.randomUUID().toString(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), userId, email, displayName, token, expiresAt);
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String toString() {
		return "EmailVerificationRequested[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", userId="
				+ this.userId + ", email=" + this.email + ", displayName=" + this.displayName
				+ ", token=<hidden>, expiresAt=" + this.expiresAt + "]";
	}

}
