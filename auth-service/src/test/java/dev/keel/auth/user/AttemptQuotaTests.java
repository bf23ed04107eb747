package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptQuotaTests {

	private final AttemptQuota lockout = new AttemptQuota(5, Duration.ofMinutes(15));

	private final AttemptQuota mail = new AttemptQuota(5, Duration.ofHours(1), Duration.ofMinutes(1));

	private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void fourFailuresDoNotLock() {
		assertThat(this.lockout.refusedFor(attempts(4, Duration.ofMinutes(1)), this.now)).isEmpty();
	}

	@Test
	void fiveFailuresWithinTheWindowLockUntilTheOldestLeavesIt() {
		List<Instant> failures = attempts(5, Duration.ofMinutes(1));
		assertThat(this.lockout.refusedFor(failures, this.now)).hasValue(Duration.ofMinutes(15 - 5));
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		List<Instant> old = attempts(5, Duration.ofMinutes(4)).stream()
			.map((at) -> at.minus(Duration.ofMinutes(5)))
			.toList();
		assertThat(this.lockout.refusedFor(old, this.now)).isEmpty();
	}

	@Test
	void aSecondMailWithinAMinuteWaitsForTheMinuteToPass() {
		assertThat(this.mail.refusedFor(List.of(this.now.minusSeconds(20)), this.now)).hasValue(Duration.ofSeconds(40));
	}

	@Test
	void aMailAMinuteAfterTheLastIsAllowedUntilTheHourlyLimit() {
		assertThat(this.mail.refusedFor(attempts(4, Duration.ofMinutes(2)), this.now)).isEmpty();
		assertThat(this.mail.refusedFor(attempts(5, Duration.ofMinutes(2)), this.now))
			.hasValue(Duration.ofMinutes(60 - 10));
	}

	@Test
	void theLongerOfTheTwoWaitsApplies() {
		List<Instant> fiveInFiveMinutes = attempts(5, Duration.ofMinutes(1)).stream()
			.map((at) -> at.plusSeconds(50))
			.toList();
		assertThat(this.mail.refusedFor(fiveInFiveMinutes, this.now)).hasValue(Duration.ofMinutes(55).plusSeconds(50));
	}

	/**
	 * {@code count} attempts, the newest one {@code spacing} ago and each earlier by
	 * {@code spacing}.
	 */
	private List<Instant> attempts(int count, Duration spacing) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> this.now.minus(spacing.multipliedBy(i))).toList();
	}

}
