package dev.keel.auth.token;

import java.util.Optional;

/**
 * Creates an anonymous user for the {@code urn:keel:anonymous} grant: no email, no
 * password, the {@value Principal#ANONYMOUS_ROLE} role. Implemented by the user feature,
 * which owns accounts and the switch that turns anonymous sign-ups off.
 */
public interface AnonymousSignup {

	/**
	 * @return the new user, or empty when anonymous sign-ups are switched off
	 */
	Optional<Principal> signUpAnonymously();

}
