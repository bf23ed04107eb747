package dev.keel.bench;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTests {

	@Test
	void percentilesAreNearestRank() {
		long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();
		assertThat(Latencies.percentile(oneToHundred, 50)).isEqualTo(50);
		assertThat(Latencies.percentile(oneToHundred, 99)).isEqualTo(99);
		assertThat(Latencies.percentile(oneToHundred, 100)).isEqualTo(100);
	}

	@Test
	void aSlowTailShowsInP99ButNotInTheMedian() {
		long[] latencies = new long[1000];
		java.util.Arrays.fill(latencies, 2_000_000);
		for (int i = 990; i < 1000; i++) {
			latencies[i] = 80_000_000;
		}
		assertThat(Latencies.percentile(latencies, 50)).isEqualTo(2_000_000);
		assertThat(Latencies.percentile(latencies, 99)).isEqualTo(2_000_000);
		latencies[989] = 80_000_000;
		assertThat(Latencies.percentile(latencies, 99)).isEqualTo(80_000_000);
	}

	@Test
	void fewSamplesAndNoSamples() {
		assertThat(Latencies.percentile(new long[] { 7 }, 99)).isEqualTo(7);
		assertThat(Latencies.percentile(new long[] { 3, 9 }, 50)).isEqualTo(3);
		assertThat(Latencies.percentile(new long[0], 50)).isNaN();
	}

	@Test
	void workersAreMergedIntoOneSortedArrayBeyondTheInitialCapacity() {
		Latencies first = new Latencies();
		Latencies second = new Latencies();
		for (int i = 10_000; i > 0; i--) {
			first.record(i * 2L);
			second.record(i * 2L - 1);
		}
		long[] all = Latencies.sorted(List.of(first, second));
		assertThat(all).hasSize(20_000).startsWith(1, 2, 3).endsWith(19_999, 20_000);
		assertThat(Latencies.percentile(all, 50)).isEqualTo(10_000);
	}

}
