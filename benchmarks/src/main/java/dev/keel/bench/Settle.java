package dev.keel.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Waits until the platform is idle before a scenario, so that work left over from the
 * previous one is not measured as part of the next. Every document written through the
 * API leaves an event for data-service's outbox relay to publish, and on the embedded
 * store (which ignores the outbox's index) draining thousands of them takes minutes of
 * CPU. Idle means: the platform's processes together used less than {@value #IDLE_CORES}
 * of a core over a sampling interval (an idle platform uses about 0.1: heartbeats and
 * polls).
 */
public final class Settle {

	static final double IDLE_CORES = 0.3;

	private final LongSupplier cpuNanos;

	private final Duration interval;

	private final Duration timeout;

	public Settle(LongSupplier cpuNanos, Duration interval, Duration timeout) {
		this.cpuNanos = cpuNanos;
		this.interval = interval;
		this.timeout = timeout;
	}

	/** The CPU time used so far by the given processes (those still alive). */
	public static LongSupplier cpuOf(List<Long> pids) {
		return () -> pids.stream()
			.map(ProcessHandle::of)
			.flatMap(java.util.Optional::stream)
			.map((process) -> process.info().totalCpuDuration())
			.flatMap(java.util.Optional::stream)
			.mapToLong(Duration::toNanos)
			.sum();
	}

	/**
	 * Samples until one interval is idle or the timeout passes.
	 * @return the cores in use during the last interval: below {@link #IDLE_CORES} when
	 * it settled
	 */
	public double await() throws InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		double cores;
		do {
			long wallBefore = System.nanoTime();
			long cpuBefore = this.cpuNanos.getAsLong();
			Thread.sleep(this.interval);
			cores = (this.cpuNanos.getAsLong() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
		}
		while (cores >= IDLE_CORES && System.nanoTime() - deadline < 0);
		return cores;
	}

	public static boolean idle(double cores) {
		return cores < IDLE_CORES;
	}

}
