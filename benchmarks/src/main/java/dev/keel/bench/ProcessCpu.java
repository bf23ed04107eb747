package dev.keel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The CPU time processes have used, from Linux's {@code /proc/<pid>/stat} (user and
 * system time, fields 14 and 15, in clock ticks of 1/100 s). Elsewhere the JDK's own view
 * of a process is used, and the time of finished child processes (wrk) is unknown.
 */
public final class ProcessCpu {

	/** The kernel's clock ticks per second ({@code USER_HZ}), 100 on Linux. */
	private static final double NANOS_PER_TICK = 1e9 / 100;

	/**
	 * Fields 14 to 17 (utime, stime, cutime, cstime), counted from field 3 after the
	 * name.
	 */
	private static final int UTIME = 11;

	private ProcessCpu() {
	}

	/**
	 * The CPU time of the given processes together; those that are gone count nothing.
	 */
	public static LongSupplier of(List<Long> pids) {
		return () -> pids.stream().mapToLong(ProcessCpu::nanos).filter((nanos) -> nanos > 0).sum();
	}

	/**
	 * The CPU time of the processes this one has started and waited for (wrk, which ends
	 * after each run); -1 when unknown.
	 */
	public static long finishedChildrenNanos() {
		return ticks(Path.of("/proc/self/stat"), 2).orElse(-1L);
	}

	/** The CPU time one process has used so far; -1 when it is gone or unknown. */
	public static long nanos(long pid) {
		return ticks(Path.of("/proc", Long.toString(pid), "stat"), 0)
			.or(() -> ProcessHandle.of(pid)
				.flatMap((process) -> process.info().totalCpuDuration())
				.map(Duration::toNanos))
			.orElse(-1L);
	}

	/**
	 * The sum of two tick fields of a {@code stat} file, from {@code offset} after utime
	 * (0: utime + stime, 2: cutime + cstime), in nanoseconds.
	 */
	static Optional<Long> ticks(Path stat, int offset) {
		try {
			return Optional.of(parse(Files.readString(stat), offset));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The name in field 2 may hold spaces and parentheses: fields are counted after its
	 * last ')'.
	 */
	static long parse(String stat, int offset) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
		long ticks = Long.parseLong(fields[UTIME + offset]) + Long.parseLong(fields[UTIME + offset + 1]);
		return Math.round(ticks * NANOS_PER_TICK);
	}

}
