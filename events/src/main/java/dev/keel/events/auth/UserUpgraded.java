package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An anonymous user set an email address and a password, keeping the same id: the
 * {@code anonymous} role is gone, the account now has the {@code user} role, and an
 * {@link EmailVerificationRequested} for the new address is published with it.
 *
 * @param eventId the event id
 * @param occurredAt when the account was upgraded
 * @param userId the user
 * @param email the address the account now has
 * @param displayName the display name, or {@code null}
 */
public record UserUpgraded(String eventId, Instant occurredAt, String userId, String email,
		String displayName) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.upgraded";

	public UserUpgraded {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * An upgrade that happens now, under a new event id.
	 * @param userId the user
	 * @param email the address the account now has
	 * @param displayName the display name, or {@code null}
	 * @return the event
	 */
	public static UserUpgraded of(String userId, String email, String displayName) {
		return new UserUpgraded(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email, displayName);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
