package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's password was changed or reset, so the notification service can tell the owner
 * of the address in case it was not them.
 *
 * @param eventId the event id
 * @param occurredAt when the password was changed
 * @param userId the user
 * @param email the address to notify
 * @param displayName the user's display name for the greeting, or {@code null}
 */
public record PasswordChanged(String eventId, Instant occurredAt, String userId, String email,
		String displayName) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.password-changed";

	public PasswordChanged {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * A password change that happens now, under a new event id.
	 * @param userId the user
	 * @param email the address to notify
	 * @param displayName the display name, or {@code null}
	 * @return the event
	 */
	public static PasswordChanged of(String userId, String email, String displayName) {
		return new PasswordChanged(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email, displayName);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
