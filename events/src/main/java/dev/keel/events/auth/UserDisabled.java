package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An account was disabled: its tokens are revoked and it can no longer sign in. Consumers
 * stop delivering to the user, for example by closing their notification streams.
 *
 * @param eventId the event id
 * @param occurredAt when the account was disabled
 * @param userId the disabled user
 * @param email the user's email address
 */
public record UserDisabled(String eventId, Instant occurredAt, String userId, String email) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.disabled";

	public UserDisabled {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * A disabling that happens now, under a new event id.
	 * @param userId the disabled user
	 * @param email the user's email address
	 * @return the event
	 */
	public static UserDisabled of(String userId, String email) {
		return new UserDisabled(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
