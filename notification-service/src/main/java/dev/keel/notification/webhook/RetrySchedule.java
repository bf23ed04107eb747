package dev.keel.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: after attempt {@code n} fails, the {@code n}-th
 * pause of the schedule, varied at random by the jitter; after the attempt that has no
 * pause left, never (the delivery is dead). Retries are spread out so that a receiver
 * that was down is not hit by its whole backlog in the same second.
 */
final class RetrySchedule {

	private final List<Duration> pauses;

	private final double jitter;

	private final RandomGenerator random;

	/**
	 * A schedule.
	 * @param pauses the pause after each failed attempt, in order
	 * @param jitter the random variation of each pause, from 0 (none) to below 1
	 * @param random the source of the variation; must be safe to share between threads
	 */
	RetrySchedule(List<Duration> pauses, double jitter, RandomGenerator random) {
		if (!(jitter >= 0 && jitter < 1)) {
			throw new IllegalArgumentException("jitter must be from 0 to below 1, not " + jitter);
		}
		if (pauses.stream().anyMatch(Duration::isNegative)) {
			throw new IllegalArgumentException("The retry schedule has a negative pause: " + pauses);
		}
		this.pauses = List.copyOf(pauses);
		this.jitter = jitter;
		this.random = random;
	}

	/**
	 * The time of the next attempt.
	 * @param failedAttempts how many attempts have failed, counting the one that just did
	 * @param now when it failed
	 * @return when to try again, or empty when the schedule is used up
	 */
	Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("No attempt has failed yet");
		}
		if (failedAttempts > this.pauses.size()) {
			return Optional.empty();
		}
		double factor = (this.jitter > 0) ? 1 + this.random.nextDouble(-this.jitter, this.jitter) : 1;
		long millis = Math.round(this.pauses.get(failedAttempts - 1).toMillis() * factor);
		return Optional.of(now.plusMillis(millis));
	}

	/** How many attempts a delivery gets in all. */
	int maxAttempts() {
		return this.pauses.size() + 1;
	}

}
