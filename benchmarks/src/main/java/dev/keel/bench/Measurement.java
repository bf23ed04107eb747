package dev.keel.bench;

import java.time.Duration;
import java.util.Map;

/**
 * What one scenario measured: successful requests in the measured window, their
 * latencies, and the failures by kind.
 *
 * @param requests successful requests that started and ended inside the window
 * @param window the measured time
 * @param p50Nanos the median latency of the successful requests
 * @param p99Nanos their 99th percentile
 * @param failures failed requests by what went wrong (status and code, or exception)
 */
record Measurement(long requests, Duration window, double p50Nanos, double p99Nanos, Map<String, Long> failures) {

	Measurement {
		failures = Map.copyOf(failures);
	}

	static Measurement of(long[] sortedNanos, Duration window, Map<String, Long> failures) {
		return new Measurement(sortedNanos.length, window, Latencies.percentile(sortedNanos, 50),
				Latencies.percentile(sortedNanos, 99), failures);
	}

	double requestsPerSecond() {
		return this.requests / (this.window.toNanos() / 1e9);
	}

	double p50Millis() {
		return this.p50Nanos / 1e6;
	}

	double p99Millis() {
		return this.p99Nanos / 1e6;
	}

	long errors() {
		return this.failures.values().stream().mapToLong(Long::longValue).sum();
	}

}
