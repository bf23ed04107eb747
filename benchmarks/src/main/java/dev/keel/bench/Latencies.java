package dev.keel.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The latencies of one worker, in nanoseconds, in a growable array: a closed loop at a
 * few thousand requests per second for a few seconds fits in a few MiB, and percentiles
 * from the sorted whole are exact.
 */
final class Latencies {

	private long[] nanos = new long[4096];

	private int size;

	void record(long latencyNanos) {
		if (this.size == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
		}
		this.nanos[this.size++] = latencyNanos;
	}

	int size() {
		return this.size;
	}

	/** All workers' latencies in one sorted array. */
	static long[] sorted(List<Latencies> workers) {
		long[] all = new long[workers.stream().mapToInt(Latencies::size).sum()];
		int at = 0;
		for (Latencies worker : workers) {
			System.arraycopy(worker.nanos, 0, all, at, worker.size);
			at += worker.size;
		}
		Arrays.sort(all);
		return all;
	}

	/**
	 * The nearest-rank percentile: the smallest value that at least {@code percent} % of
	 * the values are less than or equal to; {@code NaN} when there are none.
	 */
	static double percentile(long[] sorted, double percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

}
