package dev.keel.bench.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class WrkOutputTests {

	private static final String CLEAN = """
			Running 15s test @ http://127.0.0.1:38083/api/notifications/unread-count
			  2 threads and 32 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     2.85ms    1.20ms  18.44ms   92.17%
			    Req/Sec     5.64k   412.00     6.12k    80.00%
			  Latency Distribution
			     50%  812.00us
			     75%    3.10ms
			     90%    3.50ms
			     99%    6.90ms
			  168563 requests in 15.00s, 25.12MB read
			Requests/sec:  11237.42
			Transfer/sec:      1.67MB
			""";

	private static final String FAILING = """
			Running 2s test @ http://127.0.0.1:18999/nope
			  2 threads and 4 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     1.96ms    1.07ms  16.82ms   90.15%
			    Req/Sec     1.03k   106.99     1.26k    70.00%
			  Latency Distribution
			     50%    1.77ms
			     75%    2.21ms
			     90%    2.75ms
			     99%     1.02s
			  4094 requests in 2.00s, 2.03MB read
			  Socket errors: connect 1, read 2, write 3, timeout 4
			  Non-2xx or 3xx responses: 4094
			Requests/sec:   2043.84
			Transfer/sec:      1.01MB
			""";

	@Test
	void readsRequestsPerSecondAndThePercentilesInMicroseconds() {
		WrkRun run = WrkOutput.parse(CLEAN);
		assertThat(run.requestsPerSecond()).isEqualTo(11237.42);
		assertThat(run.p50Micros()).isEqualTo(812.0);
		assertThat(run.p99Micros()).isCloseTo(6900.0, within(1e-9));
		assertThat(run.p99Millis()).isCloseTo(6.9, within(1e-9));
		assertThat(run.requests()).isEqualTo(168563);
		assertThat(run.errors()).isZero();
	}

	@Test
	void countsBadStatusesAndSocketErrorsAndReadsSeconds() {
		WrkRun run = WrkOutput.parse(FAILING);
		assertThat(run.badStatuses()).isEqualTo(4094);
		assertThat(run.socketErrors()).isEqualTo(10);
		assertThat(run.errors()).isEqualTo(4104);
		assertThat(run.p50Millis()).isCloseTo(1.77, within(1e-9));
		assertThat(run.p99Millis()).isCloseTo(1020.0, within(1e-9));
	}

	@Test
	void readsMinutes() {
		WrkRun run = WrkOutput.parse(CLEAN.replace("6.90ms", "1.50m"));
		assertThat(run.p99Millis()).isCloseTo(90_000.0, within(1e-6));
	}

	@Test
	void refusesAReportWithoutTheLatencyDistribution() {
		String withoutLatency = CLEAN.substring(0, CLEAN.indexOf("  Latency Distribution"))
				+ CLEAN.substring(CLEAN.indexOf("  168563"));
		assertThatIllegalArgumentException().isThrownBy(() -> WrkOutput.parse(withoutLatency))
			.withMessageContaining("--latency");
		assertThatIllegalArgumentException().isThrownBy(() -> WrkOutput.parse("unable to connect to 127.0.0.1:1"))
			.withMessageContaining("Requests/sec");
	}

}
