package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A user proved they own their email address.
 *
 * @param eventId the event id
 * @param occurredAt when the address was verified
 * @param userId the user
 * @param email the verified address
 */
public record EmailVerified(String eventId, Instant occurredAt, String userId, String email) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.email-verified";

	public EmailVerified {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * A verification that happens now, under a new event id.
	 * @param userId the user
	 * @param email the verified address
	 * @return the event
	 */
	public static EmailVerified of(String userId, String email) {
		return new EmailVerified(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
