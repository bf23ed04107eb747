package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A user signed up. Published once per account; the verification email is requested by a
 * separate {@link EmailVerificationRequested}.
 *
 * @param eventId the event id
 * @param occurredAt when the account was created
 * @param userId the new user's id
 * @param email the email address signed up with
 * @param displayName the display name, or {@code null} if none was given
 */
public record UserRegistered(String eventId, Instant occurredAt, String userId, String email,
		String displayName) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.registered";

	public UserRegistered {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * A registration that happens now, under a new event id.
	 * @param userId the new user's id
	 * @param email the email address signed up with
	 * @param displayName the display name, or {@code null}
	 * @return the event
	 */
	public static UserRegistered of(String userId, String email, String displayName) {
		return new UserRegistered(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email, displayName);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
