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
 * @param method how the account was created: {@value #PASSWORD}, {@value #ANONYMOUS} (an
 * account with no email, upgraded later with {@link UserUpgraded}) or {@value #PROVIDER}
 * (a first sign-in with an identity provider, OpenID Connect or GitHub); added later, so
 * a consumer reading an older event finds {@code null}, which means {@value #PASSWORD}
 * @param provider for {@value #PROVIDER}, the identity provider's id as the operator
 * configured it (e.g. {@code google}); {@code null} for the other methods (added later,
 * additive)
 */
public record UserRegistered(String eventId, Instant occurredAt, String userId, String email, String displayName,
		String method, String provider) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.registered";

	/** Signed up with an email and a password. */
	public static final String PASSWORD = "password";

	/** Signed in anonymously: no email yet. */
	public static final String ANONYMOUS = "anonymous";

	/**
	 * Signed in with an external identity provider (OpenID Connect, Google, GitHub) for
	 * the first time; {@code provider} says which.
	 */
	public static final String PROVIDER = "provider";

	public UserRegistered {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
	}

	/**
	 * A registration with an email and a password, as events had before {@code method}.
	 * @param eventId the event id
	 * @param occurredAt when the account was created
	 * @param userId the new user's id
	 * @param email the email address signed up with
	 * @param displayName the display name, or {@code null}
	 */
	public UserRegistered(String eventId, Instant occurredAt, String userId, String email, String displayName) {
		this(eventId, occurredAt, userId, email, displayName, PASSWORD);
	}

	/**
	 * A registration by a method other than a provider, as events had before
	 * {@code provider}.
	 * @param eventId the event id
	 * @param occurredAt when the account was created
	 * @param userId the new user's id
	 * @param email the email address, or {@code null}
	 * @param displayName the display name, or {@code null}
	 * @param method how the account was created
	 */
	public UserRegistered(String eventId, Instant occurredAt, String userId, String email, String displayName,
			String method) {
		this(eventId, occurredAt, userId, email, displayName, method, null);
	}

	/**
	 * A registration that happens now, under a new event id.
	 * @param userId the new user's id
	 * @param email the email address signed up with
	 * @param displayName the display name, or {@code null}
	 * @return the event
	 */
	public static UserRegistered of(String userId, String email, String displayName) {
		return of(userId, email, displayName, PASSWORD);
	}

	/**
	 * A registration that happens now, under a new event id.
	 * @param userId the new user's id
	 * @param email the email address, or {@code null} for an anonymous user
	 * @param displayName the display name, or {@code null}
	 * @param method {@value #PASSWORD} or {@value #ANONYMOUS}
	 * @return the event
	 */
	public static UserRegistered of(String userId, String email, String displayName, String method) {
		return new UserRegistered(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email, displayName, method, null);
	}

	/**
	 * A first sign-in with an external identity provider that created the account, now.
	 * @param userId the new user's id
	 * @param email the email address the provider verified, or {@code null}
	 * @param displayName the display name, or {@code null}
	 * @param provider the provider's id
	 * @return the event
	 */
	public static UserRegistered viaProvider(String userId, String email, String displayName, String provider) {
		return new UserRegistered(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email, displayName, PROVIDER, provider);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
