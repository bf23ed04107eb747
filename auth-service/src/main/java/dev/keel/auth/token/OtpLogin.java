package dev.keel.auth.token;

/**
 * Redeems an emailed sign-in code for the {@code urn:keel:otp} grant. Implemented by the
 * user feature, which owns the codes and the accounts.
 */
public interface OtpLogin {

	/**
	 * @param email the {@code email} parameter of the token request, as sent
	 * @param code the {@code code} parameter
	 * @return {@link LoginOutcome.Authenticated} for a current code of an active user,
	 * otherwise {@link LoginOutcome.Rejected} (wrong, used, expired or out of guesses)
	 */
	LoginOutcome redeem(String email, String code);

}
