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
	void aCatchUpWithinTwentySecondsOfTheLastWriteMeetsTheTarget() {
		CatchUp catchUp = new CatchUp(7200, 0, Duration.ofSeconds(15), 0, 7200, Duration.ofMillis(19_950));
		assertThat(catchUp.withinTarget()).isTrue();
		assertThat(catchUp.lineWithVerdict()).endsWith("published 20.0 s after the last write (target 20 s: met)");
	}

	@Test
	void aLaterOrUnfinishedCatchUpMissesTheTarget() {
		assertThat(new CatchUp(7200, 0, Duration.ofSeconds(15), 0, 7200, Duration.ofMillis(20_001)).withinTarget())
			.isFalse();
		CatchUp unfinished = new CatchUp(7200, 0, Duration.ofSeconds(15), 0, 5000, null);
		assertThat(unfinished.withinTarget()).isFalse();
		assertThat(unfinished.lineWithVerdict()).endsWith("(!!! target 20 s: missed)");
	}

	@Test
	void saysHowManyWereStillWaitingWhenTheWaitEnded() {
		CatchUp catchUp = new CatchUp(6950, 2, Duration.ofSeconds(15), 1203, 5000, null);
		assertThat(catchUp.behind()).isEqualTo(3153);
		assertThat(catchUp.line()).endsWith("!!! 3,153 of their events still unpublished when the wait ended");
	}

}
