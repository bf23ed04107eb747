package dev.keel.notification.subscription;

import java.util.Set;

/**
 * A collection's read rule as a document event carries it, applied to a possible
 * recipient the way data-service applies it to a reader. A rule it does not know lets
 * nobody through.
 */
final class ReadRule {

	private static final String ADMIN = "admin";

	private ReadRule() {
	}

	static boolean allows(String rule, String userId, Set<String> roles, String owner) {
		if (roles.contains(ADMIN)) {
			return true;
		}
		if (rule == null) {
			return false;
		}
		return switch (rule) {
			case "public", "authenticated" -> true;
			case "owner" -> userId.equals(owner);
			default -> rule.startsWith("role:") && roles.contains(rule.substring("role:".length()));
		};
	}

}
