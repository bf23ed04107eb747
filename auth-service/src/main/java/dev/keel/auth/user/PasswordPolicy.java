package dev.keel.auth.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: 8 to 128 characters (counted as Unicode code points, so an
 * emoji is one) and not one of the 10,000 most common passwords.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private final CommonPasswords common = CommonPasswords.load();

	/** Why the password is refused, or empty when it is acceptable. */
	Optional<String> problem(String password) {
		if (password == null || password.isEmpty()) {
			return Optional.of("is required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("must be at least " + MIN_LENGTH + " characters");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		if (this.common.contains(password)) {
			return Optional.of("is one of the most common passwords; choose another");
		}
		return Optional.empty();
	}

}
