package dev.keel.auth.token;

import java.util.Optional;

/**
 * Checks a service account's credentials for the {@code client_credentials} grant.
 * Implemented by the client feature.
 */
public interface ClientCredentialsLogin {

	/**
	 * @return the client as a {@link Principal} ({@code client = true}, no email), or
	 * empty when the id is unknown or the secret wrong
	 */
	Optional<Principal> authenticate(String clientId, String clientSecret);

}
