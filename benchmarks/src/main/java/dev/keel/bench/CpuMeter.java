package dev.keel.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where each microsecond of a request goes: the CPU time each process on its path (the
 * proxy, the service, its store, the broker, the load generator) used during a measured
 * run, divided by the requests completed in it. A process's idle use (heartbeats, polls),
 * measured on the idle platform just before, can be taken off, so that a low request rate
 * does not inflate the figure.
 */
public final class CpuMeter {

	private final Map<String, LongSupplier> parts;

	/**
	 * A meter over the given processes.
	 * @param parts each process (or group of processes) by its label, in print order
	 */
	public CpuMeter(Map<String, LongSupplier> parts) {
		this.parts = new LinkedHashMap<>(parts);
	}

	public Snapshot snapshot() {
		Map<String, Long> nanos = new LinkedHashMap<>();
		this.parts.forEach((label, cpu) -> nanos.put(label, cpu.getAsLong()));
		return new Snapshot(System.nanoTime(), nanos);
	}

	/** Each part's idle use, in cores, over a quiet interval. */
	public Map<String, Double> idle(Duration interval) throws InterruptedException {
		Snapshot start = snapshot();
		Thread.sleep(interval);
		return snapshot().coresSince(start);
	}

	/**
	 * The CPU time used between two snapshots, as sampled; the clock and the CPU counters
	 * of each part.
	 *
	 * @param wallNanos {@link System#nanoTime()} when taken
	 * @param cpuNanos each part's CPU time so far, -1 when unknown
	 */
	public record Snapshot(long wallNanos, Map<String, Long> cpuNanos) {

		Map<String, Double> coresSince(Snapshot start) {
			double wall = this.wallNanos - start.wallNanos;
			Map<String, Double> cores = new LinkedHashMap<>();
			this.cpuNanos.forEach((label, nanos) -> {
				long before = start.cpuNanos.getOrDefault(label, -1L);
				cores.put(label, (nanos < 0 || before < 0 || wall <= 0) ? Double.NaN : (nanos - before) / wall);
			});
			return cores;
		}

		/**
		 * Microseconds of CPU per request for each part since {@code start}, less its
		 * idle use over the same time (none where {@code idleCores} has no figure).
		 */
		public CpuUse perRequestSince(Snapshot start, long requests, Map<String, Double> idleCores) {
			Map<String, Double> micros = new LinkedHashMap<>();
			double wall = this.wallNanos - start.wallNanos;
			coresSince(start).forEach((label, cores) -> {
				double idle = idleCores.getOrDefault(label, Double.NaN);
				double busy = Double.isNaN(idle) ? cores : Math.max(0, cores - idle);
				micros.put(label, (requests > 0) ? busy * wall / requests / 1e3 : Double.NaN);
			});
			return new CpuUse(micros);
		}

	}

}
