package dev.keel.auth.account;

import java.util.Optional;

/**
 * What the account pages need from the accounts: the recovery operations of API.md §2,
 * answered as values. The user feature implements it.
 */
public interface AccountRecovery {

	/**
	 * Redeems an email verification token.
	 * @param token the token from the link
	 * @return {@link RecoveryResult.Done} once the address is verified
	 */
	RecoveryResult verifyEmail(String token);

	/**
	 * Sets a new password with a reset token, checking the password before the token is
	 * spent.
	 * @param token the token from the link
	 * @param newPassword the new password
	 * @return {@link RecoveryResult.Done} once the password is changed
	 */
	RecoveryResult resetPassword(String token, String newPassword);

	/**
	 * Sends a reset link when an account has the address; the result is the same either
	 * way.
	 * @param email the address typed into the form
	 * @return {@link RecoveryResult.Done}, or a refusal of the address itself
	 */
	RecoveryResult forgotPassword(String email);

	/**
	 * Where a current sign-in link would send the browser, without using the link.
	 * @param token the token from the link
	 * @return the app's redirect, or empty for a link that is unknown, used or expired
	 */
	Optional<String> signInLinkTarget(String token);

	/**
	 * Signs in with the link: uses it up (and the code emailed with it), verifies the
	 * address and issues a one-time handoff code for the app.
	 * @param token the token from the link
	 * @return the URL to send the browser to (the app's redirect with {@code code}), or
	 * empty for a link that can no longer be used
	 */
	Optional<String> signInWithLink(String token);

}
