package dev.keel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import dev.keel.bench.Operation.UnexpectedAnswer;

/**
 * A closed-loop load generator: {@code concurrency} virtual threads, each sending its
 * next request as soon as the previous one is answered. Requests during the warm-up are
 * not counted; of the rest, only those that start and end inside the measured window are.
 * Throughput therefore follows latency: it measures what the system sustains with that
 * many requests in flight, not what it does under a fixed arrival rate.
 */
final class ClosedLoop {

	private final int concurrency;

	private final Duration warmup;

	private final Duration duration;

	ClosedLoop(int concurrency, Duration warmup, Duration duration) {
		this.concurrency = concurrency;
		this.warmup = warmup;
		this.duration = duration;
	}

	Measurement run(Operation operation) {
		return run(operation, null).measurement();
	}

	/**
	 * The measurement, and the CPU time per request of the meter's processes over the
	 * measured window (requests that fail count too: they cost CPU as well).
	 * @param meter the processes to meter, or {@code null}
	 */
	Metered run(Operation operation, CpuMeter meter) {
		long from = System.nanoTime() + this.warmup.toNanos();
		long until = from + this.duration.toNanos();
		Map<String, LongAdder> failures = new ConcurrentHashMap<>();
		List<Latencies> workers = new ArrayList<>();
		CpuMeter.Snapshot[] window = new CpuMeter.Snapshot[2];
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			if (meter != null) {
				threads.execute(() -> meterWindow(meter, window, from, until));
			}
			for (int i = 0; i < this.concurrency; i++) {
				Latencies latencies = new Latencies();
				workers.add(latencies);
				threads.execute(() -> loop(operation, latencies, failures, from, until));
			}
		}
		Map<String, Long> counted = new TreeMap<>();
		failures.forEach((kind, count) -> counted.put(kind, count.sum()));
		Measurement measurement = Measurement.of(Latencies.sorted(workers), this.duration, counted);
		CpuUse cpu = (window[1] != null)
				? window[1].perRequestSince(window[0], measurement.requests() + measurement.errors(), Map.of())
				: CpuUse.NONE;
		return new Metered(measurement, cpu);
	}

	/** A measurement and the CPU it cost. */
	record Metered(Measurement measurement, CpuUse cpu) {
	}

	private static void meterWindow(CpuMeter meter, CpuMeter.Snapshot[] window, long from, long until) {
		try {
			sleepUntil(from);
			window[0] = meter.snapshot();
			sleepUntil(until);
			window[1] = meter.snapshot();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			Thread.sleep(Duration.ofNanos(left));
		}
	}

	private static void loop(Operation operation, Latencies latencies, Map<String, LongAdder> failures, long from,
			long until) {
		while (!Thread.currentThread().isInterrupted()) {
			long start = System.nanoTime();
			if (start - until >= 0) {
				return;
			}
			String failure = null;
			try {
				operation.call();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				failure = describe(ex);
			}
			long end = System.nanoTime();
			if (start - from >= 0 && until - end >= 0) {
				if (failure == null) {
					latencies.record(end - start);
				}
				else {
					failures.computeIfAbsent(failure, (kind) -> new LongAdder()).increment();
				}
			}
		}
	}

	static String describe(Exception ex) {
		if (ex instanceof UnexpectedAnswer) {
			return ex.getMessage();
		}
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

}
