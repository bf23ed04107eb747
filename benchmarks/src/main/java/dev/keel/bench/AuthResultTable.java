package dev.keel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of {@code keel bench auth} as text: one row per target and number of
 * clients, with the 503s that auth-service's hashing bulkhead sheds (by design, under
 * more concurrent logins than it has hashing slots) apart from real failures, then the
 * time of one hash, then any failures, loudly.
 */
final class AuthResultTable {

	/** The failure kind of a login the bulkhead shed. */
	static final String SHED = "503 temporarily_unavailable";

	private static final String ROW = "%-8s %8s %10s %9s %9s %8s %8s";

	private AuthResultTable() {
	}

	static List<String> lines(List<ScenarioResult> results, Duration hash, boolean gatewaySkipped) {
		List<String> lines = new ArrayList<>();
		lines
			.add(String.format(Locale.ROOT, ROW, "TARGET", "CLIENTS", "LOGINS/S", "P50 MS", "P99 MS", "503", "ERRORS"));
		for (ScenarioResult result : results) {
			Measurement m = result.measurement();
			long shed = m.failures().getOrDefault(SHED, 0L);
			String row = String.format(Locale.ROOT, ROW, result.target().label(), result.operation(),
					number(m.requestsPerSecond(), 1), number(m.p50Millis(), 1), number(m.p99Millis(), 1), shed,
					m.errors() - shed);
			lines.add(result.startedIdle() ? row
					: row + String.format(Locale.ROOT, "  * busy before (%.1f cores)", result.busyCoresBefore()));
		}
		if (results.stream().anyMatch((result) -> !result.startedIdle())) {
			lines.add("* started while the platform was still busy with earlier work (see --settle-timeout)");
		}
		if (gatewaySkipped) {
			lines.add("gateway: skipped, it limits logins per client IP (20/min). Start the platform with "
					+ "KEEL_RATE_LIMITS_ENABLED=false to measure it.");
		}
		lines.add("");
		lines.add(String.format(Locale.ROOT,
				"One Argon2id hash (19 MiB, t=2, p=1), timed in this process: %.1f ms (median of 15).",
				hash.toNanos() / 1e6));
		lines.addAll(failures(results));
		return lines;
	}

	private static List<String> failures(List<ScenarioResult> results) {
		List<String> lines = new ArrayList<>();
		for (ScenarioResult result : results) {
			for (Map.Entry<String, Long> failure : result.measurement().failures().entrySet()) {
				if (!SHED.equals(failure.getKey())) {
					lines.add(String.format(Locale.ROOT, "!!!   %-8s %8s %8d x %s", result.target().label(),
							result.operation(), failure.getValue(), failure.getKey()));
				}
			}
		}
		if (lines.isEmpty()) {
			return List.of();
		}
		List<String> header = new ArrayList<>(List.of("", "!!! " + errors(results)
				+ " LOGINS FAILED (other than 503s): these figures are not a valid measurement. Failures:"));
		header.addAll(lines);
		return header;
	}

	/** Failed logins other than those the bulkhead shed. */
	static long errors(List<ScenarioResult> results) {
		return results.stream()
			.mapToLong(
					(result) -> result.measurement().errors() - result.measurement().failures().getOrDefault(SHED, 0L))
			.sum();
	}

	private static String number(double value, int decimals) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

}
