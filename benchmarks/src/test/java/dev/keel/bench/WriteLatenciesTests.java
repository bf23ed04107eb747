package dev.keel.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.bench.SseStream.Arrival;

import static org.assertj.core.api.Assertions.assertThat;

class WriteLatenciesTests {

	private static final long MS = 1_000_000;

	@Test
	void measuresFromTheWriteToItsOwnNotification() {
		Map<String, Long> written = new LinkedHashMap<>();
		written.put("a", 0L);
		written.put("b", 100 * MS);
		written.put("c", 200 * MS);
		List<Arrival> arrivals = List.of(new Arrival("b", 130 * MS), new Arrival("a", 40 * MS),
				new Arrival("c", 210 * MS));

		WriteLatencies latencies = WriteLatencies.of(written, arrivals);

		assertThat(latencies.sortedMillis()).containsExactly(10.0, 30.0, 40.0);
		assertThat(latencies.percentile(50)).isEqualTo(30.0);
		assertThat(latencies.percentile(99)).isEqualTo(40.0);
		assertThat(latencies.max()).isEqualTo(40.0);
		assertThat(latencies.complete()).isTrue();
		assertThat(latencies.line())
			.isEqualTo("Write -> SSE over 3 writes through the gateway: p50 30.0 ms, p99 40.0 ms, max 40.0 ms");
	}

	@Test
	void countsMissingAndDuplicateNotificationsAndIgnoresOtherDocuments() {
		Map<String, Long> written = Map.of("a", 0L, "b", 0L);
		List<Arrival> arrivals = List.of(new Arrival("a", 5 * MS), new Arrival("a", 6 * MS),
				new Arrival("older", 7 * MS));

		WriteLatencies latencies = WriteLatencies.of(written, arrivals);

		assertThat(latencies.missing()).isEqualTo(1);
		assertThat(latencies.duplicates()).isEqualTo(1);
		assertThat(latencies.complete()).isFalse();
		assertThat(latencies.line()).endsWith("!!! 1 missing, 1 duplicates");
	}

}
