package dev.keel.auth.token;

import java.util.Optional;

/**
 * Whether a user may still get tokens, asked on every refresh. Implemented by the user
 * feature.
 */
public interface AccountStatus {

	/**
	 * @param subject a user id
	 * @return the user with their current roles, or empty when the user is disabled or
	 * deleted
	 */
	Optional<Principal> activePrincipal(String subject);

}
