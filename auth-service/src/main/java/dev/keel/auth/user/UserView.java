package dev.keel.auth.user;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
record UserView(String id, String email, String displayName, boolean emailVerified, List<String> roles,
		boolean disabled, Instant createdAt) {

	static UserView of(User user) {
		return new UserView(user.id(), user.email(), user.displayName(), user.emailVerified(), user.roles(),
				user.disabled(), user.createdAt());
	}

}
