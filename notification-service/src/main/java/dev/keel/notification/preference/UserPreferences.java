package dev.keel.notification.preference;

import java.util.List;

/**
 * What a user wants to receive.
 *
 * @param email whether notifications are also sent by email
 * @param inApp whether notifications go to the inbox and the live stream
 * @param mutedCollections collections whose changes the user does not want to hear about
 */
public record UserPreferences(boolean email, boolean inApp, List<String> mutedCollections) {

	/** What a user who never set preferences gets: the inbox, no email. */
	public static final UserPreferences DEFAULT = new UserPreferences(false, true, List.of());

	public UserPreferences {
		mutedCollections = List.copyOf(mutedCollections);
	}

	public boolean mutes(String collection) {
		return this.mutedCollections.contains(collection);
	}

}
