package dev.keel.auth.token;

/**
 * Checks a user's email and password for the {@code password} grant. Implemented by the
 * user feature, which owns passwords and login throttling.
 */
public interface PasswordLogin {

	/**
	 * @param email the {@code username} parameter of the token request, as sent
	 * @param password the {@code password} parameter
	 */
	LoginOutcome login(String email, String password);

}
