package dev.keel.support.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollingLoopTests {

	private final Semaphore rounds = new Semaphore(0);

	@Test
	void runsARoundAtOnceAndAgainWhenWokenUpBeforeTheInterval() throws Exception {
		PollingLoop loop = loop(Duration.ofMinutes(10), this.rounds::release);
		loop.start();
		try {
			assertThat(this.rounds.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
			loop.wakeUp();
			assertThat(this.rounds.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			loop.stop();
		}
	}

	@Test
	void runsAgainAfterTheIntervalWithoutAWakeUp() throws Exception {
		PollingLoop loop = loop(Duration.ofMillis(50), this.rounds::release);
		loop.start();
		try {
			assertThat(this.rounds.tryAcquire(3, 5, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			loop.stop();
		}
	}

	@Test
	void aFailingRoundDoesNotEndTheLoop() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		PollingLoop loop = loop(Duration.ofMillis(50), () -> {
			this.rounds.release();
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("database away");
			}
		});
		loop.start();
		try {
			assertThat(this.rounds.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			loop.stop();
		}
	}

	@Test
	void stopsRunningRounds() throws Exception {
		PollingLoop loop = loop(Duration.ofMillis(20), this.rounds::release);
		loop.start();
		assertThat(this.rounds.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
		loop.stop();
		assertThat(loop.isRunning()).isFalse();
		Thread.sleep(100);
		this.rounds.drainPermits();
		Thread.sleep(200);
		assertThat(this.rounds.availablePermits()).isZero();
	}

	private static PollingLoop loop(Duration interval, Round round) {
		return new PollingLoop("test-loop", interval) {

			@Override
			protected void round() throws InterruptedException {
				round.run();
			}

		};
	}

	@FunctionalInterface
	private interface Round {

		void run() throws InterruptedException;

	}

}
