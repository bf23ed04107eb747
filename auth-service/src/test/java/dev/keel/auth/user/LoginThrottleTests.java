package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));

	private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void fourFailuresDoNotLock() {
		assertThat(this.throttle.lockedFor(failures(4, Duration.ofMinutes(1)), this.now)).isEmpty();
	}

	@Test
	void fiveFailuresWithinTheWindowLockUntilTheOldestLeavesIt() {
		List<Instant> failures = failures(5, Duration.ofMinutes(1));
		assertThat(this.throttle.lockedFor(failures, this.now)).hasValue(Duration.ofMinutes(15 - 5));
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		List<Instant> old = failures(5, Duration.ofMinutes(4)).stream()
			.map((at) -> at.minus(Duration.ofMinutes(5)))
			.toList();
		assertThat(this.throttle.lockedFor(old, this.now)).isEmpty();
	}

	/**
	 * {@code count} failures, the newest one {@code spacing} ago and each earlier by
	 * {@code spacing}.
	 */
	private List<Instant> failures(int count, Duration spacing) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> this.now.minus(spacing.multipliedBy(i))).toList();
	}

}
