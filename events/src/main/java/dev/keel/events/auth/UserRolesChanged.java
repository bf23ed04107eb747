package dev.keel.events.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An admin changed a user's roles. Consumers that decided something from the old roles
 * decide again at once, for example notification-service re-evaluates the user's
 * subscriptions to role-restricted collections.
 *
 * @param eventId the event id
 * @param occurredAt when the roles changed
 * @param userId the user whose roles changed
 * @param email the user's email address
 * @param roles the user's roles after the change
 */
public record UserRolesChanged(String eventId, Instant occurredAt, String userId, String email,
		List<String> roles) implements UserEvent {

	/** The CloudEvents type. */
	public static final String TYPE = "keel.user.roles-changed";

	public UserRolesChanged {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(userId, "userId");
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	/**
	 * A change of roles that happens now, under a new event id.
	 * @param userId the user whose roles changed
	 * @param email the user's email address
	 * @param roles the roles after the change
	 * @return the event
	 */
	public static UserRolesChanged of(String userId, String email, List<String> roles) {
		return new UserRolesChanged(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), userId,
				email, roles);
	}

	@Override
	public String type() {
		return TYPE;
	}

}
