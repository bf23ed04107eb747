package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The lockout rule, free of storage: after {@code maxFailures} failed logins for one
 * account within {@code window}, further attempts are refused until the oldest of those
 * failures leaves the window, even with the right password.
 */
record LoginThrottle(int maxFailures, Duration window) {

	/**
	 * How long the account is locked, given its recent failure times, or empty if it is
	 * not.
	 */
	Optional<Duration> lockedFor(List<Instant> failures, Instant now) {
		List<Instant> recent = failures.stream()
			.filter((failure) -> failure.isAfter(now.minus(this.window)))
			.sorted()
			.toList();
		if (recent.size() < this.maxFailures) {
			return Optional.empty();
		}
		Instant unlocksAt = recent.get(recent.size() - this.maxFailures).plus(this.window);
		return Optional.of(Duration.between(now, unlocksAt));
	}

}
