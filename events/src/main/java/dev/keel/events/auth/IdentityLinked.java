package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An external identity provider's account was linked to a user: at a first sign-in with
 * that provider, or by the signed-in user. It carries no provider tokens.
 *
 * @param eventId the event id
 * @param occurredAt when the identity was linked
 * @param userId the user
 * @param email the user's email address, or {@code null} when the account has none
 * @param provider the provider's id as the operator configured it (e.g. {@code google})
 * @param linkedAt when the identity was linked (the same instant as {@code occurredAt})
 */
public record IdentityLinked(String eventId, Instant occurredAt, String userId, String email, String provider,
		Instant linkedAt) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.identity-linked";

	public IdentityLinked {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(provider, "provider");
	}

	/**
	 * A link that happens now, under a new event id.
	 * @param userId the user
	 * @param email the user's email address, or {@code null}
	 * @param provider the provider's id
	 * @return the event
	 */
	public static IdentityLinked of(String userId, String email, String provider) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return new IdentityLinked(UUID.randomUUID().toString(), now, userId, email, provider, now);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
