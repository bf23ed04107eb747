package dev.keel.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How much of the machine other work uses: all the CPU time spent on the machine (Linux's
 * {@code /proc/stat}) minus what the platform and the benchmark's own processes spent,
 * over the same interval. Sampled while the benchmark waits for the platform to go idle,
 * just before each run, it tells whether a run competed with something else, such as a
 * build. Elsewhere than on Linux it is unknown.
 */
final class OtherWork {

	/** The kernel's clock ticks per second ({@code USER_HZ}), 100 on Linux. */
	private static final double NANOS_PER_TICK = 1e9 / 100;

	private final LongSupplier machineNanos;

	private final LongSupplier ourNanos;

	private long machineStart;

	private long ourStart;

	private long wallStart;

	OtherWork(LongSupplier machineNanos, LongSupplier ourNanos) {
		this.machineNanos = machineNanos;
		this.ourNanos = ourNanos;
	}

	static OtherWork beside(LongSupplier ourNanos) {
		return new OtherWork(() -> machineBusyNanos(Path.of("/proc/stat")), ourNanos);
	}

	void start() {
		this.machineStart = this.machineNanos.getAsLong();
		this.ourStart = this.ourNanos.getAsLong();
		this.wallStart = System.nanoTime();
	}

	/** Cores used by others since {@link #start()}; {@code NaN} when unknown. */
	double cores() {
		long machine = this.machineNanos.getAsLong();
		long wall = System.nanoTime() - this.wallStart;
		if (machine < 0 || this.machineStart < 0 || wall <= 0) {
			return Double.NaN;
		}
		long ours = this.ourNanos.getAsLong() - this.ourStart;
		return Math.max(0, (machine - this.machineStart) - ours) / (double) wall;
	}

	/**
	 * The busy time of all CPUs so far: user, nice, system, irq, softirq and steal, not
	 * idle and iowait; -1 when unknown.
	 */
	static long machineBusyNanos(Path procStat) {
		try {
			List<String> lines = Files.readAllLines(procStat);
			String[] fields = lines.getFirst().trim().split("\\s+");
			long ticks = 0;
			for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
				ticks += (field < fields.length) ? Long.parseLong(fields[field]) : 0;
			}
			return Math.round(ticks * NANOS_PER_TICK);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
