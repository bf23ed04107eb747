package dev.keel.auth.token;

import java.util.List;
import java.util.Optional;

/**
 * The second sign-in step, as the token endpoint needs it; the {@code mfa} feature
 * implements it. A first step that would give a user with a confirmed factor tokens gets
 * an {@code mfa_token} instead, which a code from that factor completes.
 */
public interface SecondFactors {

	/**
	 * @param amr how the first step authenticated ({@code pwd}, {@code otp}, ...)
	 * @return the {@code mfa_token} to complete the sign-in with, or empty when the user
	 * has no confirmed factor
	 */
	Optional<String> challenge(String subject, List<String> amr);

	/**
	 * @param recovery whether {@code code} is a recovery code rather than a TOTP code
	 */
	Completion complete(String mfaToken, String code, boolean recovery);

	/** The outcome of a second step. */
	sealed interface Completion {

		/**
		 * @param amr the methods of both steps, ending with {@code mfa}
		 */
		record Completed(String subject, List<String> amr) implements Completion {
		}

		record Refused(String description) implements Completion {
		}

	}

}
