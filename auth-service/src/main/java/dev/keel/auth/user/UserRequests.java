package dev.keel.auth.user;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the user endpoints; unknown fields are refused by the JSON
 * mapper.
 */
final class UserRequests {

	private UserRequests() {
	}

	record Signup(@NotBlank @Email @Size(max = 254) String email, String password,
			@Size(max = 100) String displayName) {
	}

	record Upgrade(@NotBlank @Email @Size(max = 254) String email, String password,
			@Size(max = 100) String displayName) {
	}

	record ProfileUpdate(@NotBlank @Size(max = 100) String displayName) {
	}

	record PasswordChange(@NotBlank String currentPassword, String newPassword) {
	}

	record TokenRedemption(@NotBlank String token) {
	}

	record PasswordReset(@NotBlank String token, String newPassword) {
	}

	record Forgot(@NotBlank @Size(max = 254) String email) {
	}

	/**
	 * A passwordless sign-in request; with {@code redirect_to} and {@code code_challenge}
	 * the email also carries a link that hands the sign-in over to the app.
	 */
	record Otp(@NotBlank @Size(max = 254) String email,
			@JsonProperty("redirect_to") @Size(max = 2048) String redirectTo,
			@JsonProperty("code_challenge") String codeChallenge,
			@JsonProperty("code_challenge_method") String codeChallengeMethod) {
	}

	record AdminUpdate(@Size(max = 20) List<@Pattern(regexp = "^[a-z][a-z0-9_-]{0,31}$") String> roles,
			Boolean disabled) {
	}

}
