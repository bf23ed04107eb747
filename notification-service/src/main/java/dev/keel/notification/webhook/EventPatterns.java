package dev.keel.notification.webhook;

import java.util.Collection;
import java.util.Set;

import dev.keel.events.EventTypes;

/**
 * The event types a webhook can ask for: any type Keel publishes, a family
 * ({@code keel.user.*}, {@code keel.document.*}, {@code keel.collection.*},
 * {@code keel.file.*}) or everything ({@code *}). A family also covers types added to it
 * later.
 */
final class EventPatterns {

	static final String EVERYTHING = "*";

	private static final Set<String> FAMILIES = Set.of("keel.user.*", "keel.document.*", "keel.collection.*",
			"keel.file.*");

	private EventPatterns() {
	}

	static boolean isValid(String pattern) {
		return EVERYTHING.equals(pattern) || FAMILIES.contains(pattern) || EventTypes.classFor(pattern).isPresent();
	}

	static boolean matches(String pattern, String type) {
		if (EVERYTHING.equals(pattern)) {
			return true;
		}
		if (FAMILIES.contains(pattern)) {
			return type.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(type);
	}

	static boolean anyMatches(Collection<String> patterns, String type) {
		return patterns.stream().anyMatch((pattern) -> matches(pattern, type));
	}

}
