package dev.keel.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.keel.bench.Operation.UnexpectedAnswer;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedLoopTests {

	@Test
	void measuresOnlyAfterTheWarmUpWithEveryWorkerBusy() {
		AtomicInteger calls = new AtomicInteger();
		ClosedLoop loop = new ClosedLoop(4, Duration.ofMillis(200), Duration.ofMillis(400));
		Measurement measurement = loop.run(() -> {
			calls.incrementAndGet();
			Thread.sleep(5);
		});
		// 4 workers x 600 ms / ~5 ms: at most ~480 calls, of which the last 400 ms count.
		assertThat(measurement.requests()).isPositive().isLessThan(calls.get());
		assertThat(measurement.requestsPerSecond()).isBetween(100.0, 800.0);
		assertThat(measurement.p50Millis()).isGreaterThanOrEqualTo(5.0);
		assertThat(measurement.errors()).isZero();
	}

	@Test
	void failuresAreCountedByKindAndKeptOutOfTheLatencies() {
		AtomicInteger calls = new AtomicInteger();
		Measurement measurement = new ClosedLoop(2, Duration.ZERO, Duration.ofMillis(200)).run(() -> {
			Thread.sleep(1);
			if (calls.incrementAndGet() % 2 == 0) {
				throw new UnexpectedAnswer("get: HTTP 404 document_not_found");
			}
		});
		assertThat(measurement.failures()).containsOnlyKeys("get: HTTP 404 document_not_found");
		assertThat(measurement.errors()).isPositive();
		assertThat(measurement.requests()).isPositive();
		assertThat(measurement.requests() + measurement.errors()).isLessThanOrEqualTo(calls.get());
	}

	@Test
	void anExceptionIsNamedByItsTypeAndMessage() {
		assertThat(ClosedLoop.describe(new java.net.ConnectException("Connection refused")))
			.isEqualTo("ConnectException: Connection refused");
		assertThat(ClosedLoop.describe(new UnexpectedAnswer("query: HTTP 400 invalid_filter")))
			.isEqualTo("query: HTTP 400 invalid_filter");
	}

}
