package dev.keel.support.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as far as a service's own code needs to know, without Spring Security
 * types. A controller receives it by declaring a parameter of this type (anonymous
 * callers then get a 401), or of type {@code Optional<CurrentCaller>} on a public path.
 *
 * @param subject the token's {@code sub}: a user id, or a service account's client id
 * @param roles the token's {@code roles}, such as {@code admin}
 * @param email the user's email, absent for service accounts
 */
public record CurrentCaller(String subject, Set<String> roles, @Nullable String email) {

	public static final String ADMIN = "admin";

	public CurrentCaller {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean isAdmin() {
		return hasRole(ADMIN);
	}

}
