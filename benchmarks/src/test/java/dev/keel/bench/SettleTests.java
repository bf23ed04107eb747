package dev.keel.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettleTests {

	private static final Duration INTERVAL = Duration.ofMillis(20);

	@Test
	void waitsUntilThePlatformStopsWorking() throws InterruptedException {
		AtomicInteger samples = new AtomicInteger();
		AtomicLong cpu = new AtomicLong();
		// Two cores busy for the first three intervals, then nothing.
		Settle settle = new Settle(
				() -> (samples.incrementAndGet() <= 6) ? cpu.addAndGet(INTERVAL.toNanos()) * 2 : cpu.get() * 2,
				INTERVAL, Duration.ofSeconds(5));
		double cores = settle.await();
		assertThat(Settle.idle(cores)).isTrue();
		assertThat(samples.get()).isGreaterThanOrEqualTo(8);
	}

	@Test
	void givesUpAfterTheTimeoutAndSaysHowBusyItWas() throws InterruptedException {
		AtomicLong cpu = new AtomicLong();
		Settle settle = new Settle(() -> cpu.addAndGet(INTERVAL.toNanos()), INTERVAL, Duration.ofMillis(100));
		long started = System.nanoTime();
		double cores = settle.await();
		assertThat(Settle.idle(cores)).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void measuresRealProcesses() {
		long before = Settle.cpuOf(java.util.List.of(ProcessHandle.current().pid())).getAsLong();
		assertThat(before).isPositive();
		assertThat(Settle.cpuOf(java.util.List.of(Long.MAX_VALUE - 1)).getAsLong()).isZero();
	}

}
