package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A disabled account was enabled again: it can sign in once more. Consumers that stopped
 * delivering to the user on {@link UserDisabled} start again, for example
 * notification-service lets the user open notification streams.
 *
 * @param eventId the event id
 * @param occurredAt when the account was enabled
 * @param userId the enabled user
 * @param email the user's email address
 */
public record UserEnabled(String eventId, Instant occurredAt, String userId, String email) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.enabled";

	public UserEnabled {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * An enabling that happens now, under a new event id.
	 * @param userId the enabled user
	 * @param email the user's email address
	 * @return the event
	 */
	public static UserEnabled of(String userId, String email) {
		return new UserEnabled(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
