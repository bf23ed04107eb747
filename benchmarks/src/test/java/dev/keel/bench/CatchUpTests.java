package dev.keel.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatchUpTests {

	@Test
	void theBurstIsOutWhenTheCountGrewByItsCreates() {
		assertThat(CatchUp.target(1203, 6950)).isEqualTo(8153);
	}

	@Test
	void saysHowLongAfterTheLastWriteTheEventsWereOut() {
		CatchUp catchUp = new CatchUp(6950, 0, Duration.ofSeconds(15), 1203, 8153, Duration.ofMillis(12_345));
		assertThat(catchUp.behind()).isZero();
		assertThat(catchUp.line()).isEqualTo(
				"Outbox catch-up: 6,950 creates in 15.0 s (463/s, 0 failed); all their events published 12.3 s after the last write");
	}

	@Test
	void saysHowManyWereStillWaitingWhenTheWaitEnded() {
		CatchUp catchUp = new CatchUp(6950, 2, Duration.ofSeconds(15), 1203, 5000, null);
		assertThat(catchUp.behind()).isEqualTo(3153);
		assertThat(catchUp.line()).endsWith("!!! 3,153 of their events still unpublished when the wait ended");
	}

}
