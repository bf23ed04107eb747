package dev.keel.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory ({@code VmRSS} in {@code /proc/<pid>/status}) of the
 * platform's processes every 200 ms while a transfer runs: before, peak and after, in
 * MiB.
 */
final class ProcessMemory implements AutoCloseable {

	private final Map<String, Long> pids;

	private final Map<String, long[]> figures = new LinkedHashMap<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

	/** Starts sampling the named processes. */
	ProcessMemory(Map<String, Long> pids) {
		this.pids = pids;
		pids.forEach((name, pid) -> {
			long rss = rss(pid);
			this.figures.put(name, new long[] { rss, rss, rss });
		});
		this.sampler.scheduleAtFixedRate(this::sample, 200, 200, TimeUnit.MILLISECONDS);
	}

	private synchronized void sample() {
		this.pids.forEach((name, pid) -> {
			long[] figure = this.figures.get(name);
			figure[1] = Math.max(figure[1], rss(pid));
		});
	}

	/** Stops sampling and takes the last figure. */
	@Override
	public void close() throws InterruptedException {
		if (this.sampler.isShutdown()) {
			return;
		}
		this.sampler.shutdown();
		this.sampler.awaitTermination(1, TimeUnit.SECONDS);
		synchronized (this) {
			this.pids.forEach((name, pid) -> {
				long[] figure = this.figures.get(name);
				figure[2] = rss(pid);
				figure[1] = Math.max(figure[1], figure[2]);
			});
		}
	}

	/** How far a process's RSS rose above its figure before the transfer, in bytes. */
	synchronized long growth(String name) {
		long[] figure = this.figures.get(name);
		return figure[1] - figure[0];
	}

	synchronized String report(String transfer) {
		StringBuilder report = new StringBuilder();
		this.figures.forEach(
				(name, figure) -> report.append(String.format("%s: %s RSS before %d MiB, peak %d MiB, after %d MiB%n",
						transfer, name, mib(figure[0]), mib(figure[1]), mib(figure[2]))));
		return report.toString();
	}

	private static long mib(long bytes) {
		return bytes / (1024 * 1024);
	}

	/** A process's resident memory in bytes. */
	static long rss(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No memory figures for process " + pid, ex);
		}
	}

}
