package dev.keel.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results as text: one row per scenario, then how the targets compare per operation
 * (gateway against direct: what the gateway costs; direct against the raw driver: what
 * data-service costs), then any failures, loudly, because figures with errors in them are
 * not to be trusted.
 */
final class ResultTable {

	private static final String ROW = "%-10s %-11s %10s %9s %9s %8s";

	/** The load generator (this process) in the CPU table. */
	static final String CLIENT = "client";

	private static final List<String> CPU_PARTS = List.of(Targets.GATEWAY, Targets.DATA, Targets.STORE, Targets.BROKER,
			CLIENT);

	private static final String CPU_ROW = "%-10s %-11s %8s %13s %8s %8s %8s %8s";

	/**
	 * data-service's own CPU per request, direct, that the performance issue aims for.
	 */
	static final Map<String, Double> DATA_CPU_TARGETS_MICROS = Map.of("get-by-id", 250.0, "create", 400.0);

	private ResultTable() {
	}

	static List<String> lines(List<ScenarioResult> results) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, ROW, "OPERATION", "TARGET", "REQ/S", "P50 MS", "P99 MS", "ERRORS"));
		for (ScenarioResult result : results) {
			Measurement m = result.measurement();
			String row = String.format(Locale.ROOT, ROW, result.operation(), result.target().label(),
					number(m.requestsPerSecond(), 0), number(m.p50Millis(), 2), number(m.p99Millis(), 2), m.errors());
			lines.add(result.startedIdle() ? row
					: row + String.format(Locale.ROOT, "  * busy before (%.1f cores)", result.busyCoresBefore()));
		}
		if (results.stream().anyMatch((result) -> !result.startedIdle())) {
			lines.add("* started while the platform was still busy with earlier work (see --settle-timeout)");
		}
		lines.add("");
		lines.addAll(ratios(results, Target.GATEWAY, Target.DIRECT));
		lines.addAll(ratios(results, Target.DIRECT, Target.RAW_DRIVER));
		lines.addAll(cpu(results));
		lines.addAll(failures(results));
		return lines;
	}

	static List<String> ratios(List<ScenarioResult> results, Target over, Target under) {
		List<String> lines = new ArrayList<>();
		for (String operation : operations(results)) {
			Optional<Measurement> a = find(results, operation, over);
			Optional<Measurement> b = find(results, operation, under);
			if (a.isPresent() && b.isPresent()) {
				lines.add(String.format(Locale.ROOT, "%-22s %-10s req/s %6sx   p50 %6sx   p99 %6sx",
						over.label() + " / " + under.label(), operation,
						ratio(a.get().requestsPerSecond(), b.get().requestsPerSecond()),
						ratio(a.get().p50Nanos(), b.get().p50Nanos()), ratio(a.get().p99Nanos(), b.get().p99Nanos())));
			}
		}
		return lines;
	}

	/**
	 * Where each scenario's CPU went, in microseconds per request, and data-service's own
	 * against its targets.
	 */
	static List<String> cpu(List<ScenarioResult> results) {
		if (results.stream().allMatch((result) -> result.cpu().micros().isEmpty())) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("CPU per request, microseconds: each process's CPU time in the measured window / requests");
		lines.add(String.format(Locale.ROOT, CPU_ROW, "OPERATION", "TARGET", "GATEWAY", "DATA-SERVICE", "STORE",
				"BROKER", "CLIENT", "TOTAL"));
		for (ScenarioResult result : results) {
			List<Object> cells = new ArrayList<>(List.of(result.operation(), result.target().label()));
			CPU_PARTS.forEach((part) -> cells.add(number(result.cpu().of(part), 0)));
			cells.add(number(result.cpu().total(), 0));
			lines.add(String.format(Locale.ROOT, CPU_ROW, cells.toArray()));
		}
		for (String operation : operations(results)) {
			Double target = DATA_CPU_TARGETS_MICROS.get(operation);
			double micros = results.stream()
				.filter((result) -> result.operation().equals(operation) && result.target() == Target.DIRECT)
				.mapToDouble((result) -> result.cpu().of(Targets.DATA))
				.findFirst()
				.orElse(Double.NaN);
			if (target != null && !Double.isNaN(micros)) {
				lines.add(String.format(Locale.ROOT, "%-44s %7.0f us   target <= %.0f us: %s",
						"data-service CPU per request, " + operation + " direct", micros, target,
						(micros <= target) ? "met" : "MISSED"));
			}
		}
		return lines;
	}

	static List<String> failures(List<ScenarioResult> results) {
		long total = results.stream().mapToLong((result) -> result.measurement().errors()).sum();
		if (total == 0) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("!!! " + total + " REQUESTS FAILED: these figures are not a valid measurement. Failures:");
		for (ScenarioResult result : results) {
			for (Map.Entry<String, Long> failure : result.measurement().failures().entrySet()) {
				lines.add(String.format(Locale.ROOT, "!!!   %-10s %-11s %8d x %s", result.operation(),
						result.target().label(), failure.getValue(), failure.getKey()));
			}
		}
		return lines;
	}

	private static Set<String> operations(List<ScenarioResult> results) {
		Set<String> operations = new LinkedHashSet<>();
		results.forEach((result) -> operations.add(result.operation()));
		return operations;
	}

	private static Optional<Measurement> find(List<ScenarioResult> results, String operation, Target target) {
		return results.stream()
			.filter((result) -> result.operation().equals(operation) && result.target() == target)
			.map(ScenarioResult::measurement)
			.findFirst();
	}

	private static String number(double value, int decimals) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	private static String ratio(double a, double b) {
		return (Double.isNaN(a) || Double.isNaN(b) || b == 0) ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
	}

}
