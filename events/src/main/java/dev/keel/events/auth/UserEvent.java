package dev.keel.events.auth;

import dev.keel.events.IntegrationEvent;

/**
 * An event about one user account. Keyed by user id so that, for example, a verification
 * request is never processed after the verification it led to.
 */
public sealed interface UserEvent extends IntegrationEvent
		permits UserRegistered, EmailVerificationRequested, EmailVerified, PasswordResetRequested, PasswordChanged,
		UserDisabled, UserRolesChanged, UserEnabled, UserUpgraded, OtpRequested, IdentityLinked {

	/**
	 * The user the event is about.
	 * @return the user id
	 */
	String userId();

	/**
	 * The user's email address when the event happened, so a consumer can write to the
	 * user without asking auth-service.
	 * @return the email address, or {@code null} for an anonymous user (no address yet)
	 */
	String email();

	@Override
	default String aggregateId() {
		return userId();
	}

}
