package dev.keel.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryScheduleTests {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private static final List<Duration> PRODUCTION = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
			Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6),
			Duration.ofHours(24));

	@Test
	void waitsTheScheduledPauseAfterEachFailedAttemptWithoutJitter() {
		RetrySchedule schedule = new RetrySchedule(PRODUCTION, 0, new Random(1));

		assertThat(schedule.nextAttempt(1, NOW)).contains(NOW.plusSeconds(5));
		assertThat(schedule.nextAttempt(2, NOW)).contains(NOW.plusSeconds(30));
		assertThat(schedule.nextAttempt(7, NOW)).contains(NOW.plus(Duration.ofHours(24)));
	}

	@Test
	void givesUpAfterTheAttemptThatHasNoPauseLeft() {
		RetrySchedule schedule = new RetrySchedule(PRODUCTION, 0.2, new Random(1));

		assertThat(schedule.nextAttempt(7, NOW)).isPresent();
		assertThat(schedule.nextAttempt(8, NOW)).isEmpty();
		assertThat(schedule.maxAttempts()).isEqualTo(8);
	}

	@Test
	void anEmptyScheduleMeansASingleAttempt() {
		RetrySchedule schedule = new RetrySchedule(List.of(), 0.2, new Random(1));

		assertThat(schedule.nextAttempt(1, NOW)).isEmpty();
		assertThat(schedule.maxAttempts()).isEqualTo(1);
	}

	@Test
	void jitterKeepsEachPauseWithinTwentyPercentAndSpreadsThem() {
		RetrySchedule schedule = new RetrySchedule(PRODUCTION, 0.2, new Random(42));

		List<Long> pauses = IntStream.range(0, 2000)
			.mapToObj((i) -> schedule.nextAttempt(2, NOW).orElseThrow())
			.map((next) -> Duration.between(NOW, next).toMillis())
			.toList();

		assertThat(pauses).allSatisfy((millis) -> assertThat(millis).isBetween(24_000L, 36_000L));
		assertThat(pauses).anySatisfy((millis) -> assertThat(millis).isLessThan(25_000L));
		assertThat(pauses).anySatisfy((millis) -> assertThat(millis).isGreaterThan(35_000L));
	}

	@Test
	void refusesJitterOutsideItsRangeAndNegativePauses() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(PRODUCTION, 1, new Random()));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(PRODUCTION, -0.1, new Random()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), 0, new Random()));
	}

}
