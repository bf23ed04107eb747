package dev.keel.notification.preference;

import java.util.List;

/**
 * Preferences as the API shows them.
 *
 * @param email whether notifications are also emailed
 * @param inApp whether notifications reach the inbox and stream
 * @param mutedCollections collections the user hears nothing about
 * @param securityEmails always {@code true}: security emails cannot be muted
 */
record PreferencesView(boolean email, boolean inApp, List<String> mutedCollections, boolean securityEmails) {

	static PreferencesView of(UserPreferences preferences) {
		return new PreferencesView(preferences.email(), preferences.inApp(), preferences.mutedCollections(), true);
	}

}
