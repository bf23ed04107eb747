package dev.keel.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.keel.bench.SseStream.Arrival;

/**
 * Write → SSE latencies: for each written document, from just before its {@code POST} to
 * the arrival of its notification. Arrivals for documents not written in this run are
 * ignored; a second arrival for a document is a duplicate, a document with none is
 * missing.
 *
 * @param sortedMillis the latencies of the documents that arrived, sorted
 * @param missing written documents whose notification never arrived
 * @param duplicates notifications that arrived more than once
 */
record WriteLatencies(double[] sortedMillis, int missing, int duplicates) {

	static WriteLatencies of(Map<String, Long> writtenAtNanos, List<Arrival> arrivals) {
		Set<String> seen = new HashSet<>();
		int duplicates = 0;
		double[] millis = new double[writtenAtNanos.size()];
		int count = 0;
		for (Arrival arrival : arrivals) {
			Long writtenAt = writtenAtNanos.get(arrival.documentId());
			if (writtenAt == null) {
				continue;
			}
			if (!seen.add(arrival.documentId())) {
				duplicates++;
				continue;
			}
			millis[count++] = (arrival.nanos() - writtenAt) / 1e6;
		}
		double[] sorted = Arrays.copyOf(millis, count);
		Arrays.sort(sorted);
		return new WriteLatencies(sorted, writtenAtNanos.size() - count, duplicates);
	}

	/** The nearest-rank percentile, as everywhere in the benchmarks. */
	double percentile(double percent) {
		if (this.sortedMillis.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100.0 * this.sortedMillis.length);
		return this.sortedMillis[Math.clamp(rank - 1, 0, this.sortedMillis.length - 1)];
	}

	double max() {
		return (this.sortedMillis.length == 0) ? Double.NaN : this.sortedMillis[this.sortedMillis.length - 1];
	}

	boolean complete() {
		return this.missing == 0 && this.duplicates == 0;
	}

	String line() {
		return String.format(
				"Write -> SSE over %d writes through the gateway: p50 %.1f ms, p99 %.1f ms, max %.1f ms" + "%s",
				this.sortedMillis.length + this.missing, percentile(50), percentile(99), max(),
				complete() ? "" : String.format("; !!! %d missing, %d duplicates", this.missing, this.duplicates));
	}

}
