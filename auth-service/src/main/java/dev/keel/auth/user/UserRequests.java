package dev.keel.auth.user;

import java.util.List;

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

	record AdminUpdate(@Size(max = 20) List<@Pattern(regexp = "^[a-z][a-z0-9_-]{0,31}$") String> roles,
			Boolean disabled) {
	}

}
