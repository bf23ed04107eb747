package dev.keel.notification;

import java.util.List;

import dev.keel.events.EventEnvelope;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.UserDisabled;
import dev.keel.events.auth.UserEnabled;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.auth.UserRolesChanged;

/** Account events as auth-service publishes them, for tests. */
public final class UserEvents {

	public static final String SOURCE = "/keel/auth-service";

	private UserEvents() {
	}

	public static EventEnvelope<UserRegistered> registered(String userId, String email) {
		return EventEnvelope.wrap(SOURCE, UserRegistered.of(userId, email, "Someone"), null);
	}

	public static EventEnvelope<EmailVerified> verified(String userId, String email) {
		return EventEnvelope.wrap(SOURCE, EmailVerified.of(userId, email), null);
	}

	public static EventEnvelope<UserRolesChanged> rolesChanged(String userId, String... roles) {
		return EventEnvelope.wrap(SOURCE, UserRolesChanged.of(userId, userId + "@example.test", List.of(roles)), null);
	}

	public static EventEnvelope<UserDisabled> disabled(String userId) {
		return EventEnvelope.wrap(SOURCE, UserDisabled.of(userId, userId + "@example.test"), null);
	}

	public static EventEnvelope<UserEnabled> enabled(String userId) {
		return EventEnvelope.wrap(SOURCE, UserEnabled.of(userId, userId + "@example.test"), null);
	}

}
