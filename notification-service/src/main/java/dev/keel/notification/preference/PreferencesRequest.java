package dev.keel.notification.preference;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The whole set of preferences, as {@code PUT} replaces it.
 *
 * @param email whether notifications are also emailed
 * @param inApp whether notifications reach the inbox and stream
 * @param mutedCollections collections to hear nothing about; empty when absent
 * @param securityEmails may be sent as {@code true}; security emails cannot be turned off
 */
record PreferencesRequest(@NotNull Boolean email, @NotNull Boolean inApp,
		@Size(max = 100) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,62}",
				message = "must be a collection name") String> mutedCollections,
		@AssertTrue(
				message = "Security emails (verification, password reset, password changed) cannot be muted.") Boolean securityEmails) {

	UserPreferences preferences() {
		return new UserPreferences(this.email, this.inApp,
				(this.mutedCollections != null) ? this.mutedCollections.stream().distinct().toList() : List.of());
	}

}
