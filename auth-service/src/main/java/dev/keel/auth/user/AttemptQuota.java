package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A limit on attempts per key, free of storage: at most {@code maxAttempts} within
 * {@code window}, and no two closer together than {@code minInterval}. The login lockout
 * (5 per 15 minutes) and the mail throttles (1 per minute, 5 per hour) are both quotas.
 *
 * @param maxAttempts attempts allowed within the window
 * @param window the sliding window
 * @param minInterval the least time between two attempts ({@link Duration#ZERO}: none)
 */
record AttemptQuota(int maxAttempts, Duration window, Duration minInterval) {

	AttemptQuota {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
		}
	}

	AttemptQuota(int maxAttempts, Duration window) {
		this(maxAttempts, window, Duration.ZERO);
	}

	/**
	 * How long until the next attempt is allowed, given the earlier attempts' times, or
	 * empty if one is allowed now.
	 */
	Optional<Duration> refusedFor(List<Instant> attempts, Instant now) {
		List<Instant> recent = attempts.stream()
			.filter((attempt) -> attempt.isAfter(now.minus(this.window)))
			.sorted()
			.toList();
		Instant allowedAt = now;
		if (recent.size() >= this.maxAttempts) {
			allowedAt = recent.get(recent.size() - this.maxAttempts).plus(this.window);
		}
		Optional<Instant> last = attempts.stream().max(Instant::compareTo);
		if (last.isPresent() && last.get().plus(this.minInterval).isAfter(allowedAt)) {
			allowedAt = last.get().plus(this.minInterval);
		}
		return allowedAt.isAfter(now) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
	}

	/** How long the store must keep a key's attempts for this quota to hold. */
	Duration memory() {
		return (this.window.compareTo(this.minInterval) >= 0) ? this.window : this.minInterval;
	}

}
