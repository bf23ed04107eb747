package dev.keel.bench.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.keel.bench.CpuUse;

/**
 * The results as text: one row per route with its peak and its latency at the fixed rate,
 * then the ratios the issue asks for, each against its target, all from the same run.
 *
 * @param peak each route's run at peak
 * @param fixed each route's run at the fixed rate
 * @param rate the fixed rate
 * @param instances how many instances of the service the gateway spreads requests over
 * @param cpu each route's CPU time per request at the fixed rate, by process
 */
record GatewayTable(Map<Route, WrkRun> peak, Map<Route, WrkRun> fixed, double rate, int instances,
		Map<Route, CpuUse> cpu) {

	static final double THROUGHPUT_TARGET = 0.9;

	static final double ADDED_P99_TARGET_MS = 2.0;

	static final double GATEWAY_CPU_TARGET_MICROS = 150;

	/** The route's proxy in the CPU table: nginx or a gateway. */
	static final String PROXY = "proxy";

	/** The load generator in the CPU table. */
	static final String WRK = "wrk";

	private static final List<String> CPU_PARTS = List.of(PROXY, GatewayTargets.SERVICE, GatewayTargets.STORE,
			GatewayTargets.BROKER, WRK);

	private static final String CPU_ROW = "%-24s %8s %8s %8s %8s %8s %8s";

	GatewayTable(Map<Route, WrkRun> peak, Map<Route, WrkRun> fixed, double rate, int instances) {
		this(peak, fixed, rate, instances, Map.of());
	}

	private static final String ROW = "%-24s %10s %8s %8s   %10s %8s %8s %7s";

	List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-24s %28s   %28s", "", "----------- peak -----------",
				center("at " + number(this.rate, 0) + " req/s", 28)));
		lines.add(String.format(Locale.ROOT, ROW, "ROUTE", "REQ/S", "P50 MS", "P99 MS", "REQ/S", "P50 MS", "P99 MS",
				"ERRORS"));
		for (Route route : Route.values()) {
			WrkRun top = this.peak.get(route);
			WrkRun held = this.fixed.get(route);
			if (top == null && held == null) {
				continue;
			}
			long errors = ((top != null) ? top.errors() : 0) + ((held != null) ? held.errors() : 0);
			lines.add(String.format(Locale.ROOT, ROW, route.label(), rps(top), p50(top), p99(top), rps(held), p50(held),
					p99(held), errors));
		}
		lines.add("");
		lines.add(throughput(Route.GATEWAY, Route.DIRECT, Double.NaN));
		lines.add(throughput(Route.GATEWAY, Route.NGINX, THROUGHPUT_TARGET));
		lines.add(throughput(Route.GATEWAY_NO_VALIDATION, Route.NGINX, Double.NaN));
		lines.add(addedP99(Route.GATEWAY, ADDED_P99_TARGET_MS));
		lines.add(addedP99(Route.GATEWAY_NO_VALIDATION, Double.NaN));
		lines.addAll(cpuLines());
		if (this.instances > 1) {
			lines.add("");
			lines.add("NOTE: " + this.instances + " instances of the service run; the gateways spread requests over "
					+ "all of them, direct and nginx go to one. Run the platform with one instance to compare like "
					+ "with like.");
		}
		return lines;
	}

	/**
	 * Where each route's CPU goes at the fixed rate, in microseconds per request, and the
	 * gateway's own against its target.
	 */
	private List<String> cpuLines() {
		if (this.cpu.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("CPU per request at " + number(this.rate, 0) + " req/s, microseconds: each process's CPU time in the "
				+ "measured run, less its idle use, / requests");
		lines.add(String.format(Locale.ROOT, CPU_ROW, "ROUTE", "PROXY", "SERVICE", "STORE", "BROKER", "WRK", "TOTAL"));
		for (Route route : Route.values()) {
			CpuUse use = this.cpu.get(route);
			if (use != null) {
				List<Object> cells = new ArrayList<>(List.of(route.label()));
				CPU_PARTS.forEach((part) -> cells.add(number(use.of(part), 0)));
				cells.add(number(use.total(), 0));
				lines.add(String.format(Locale.ROOT, CPU_ROW, cells.toArray()));
			}
		}
		double gateway = (this.cpu.get(Route.GATEWAY) != null) ? this.cpu.get(Route.GATEWAY).of(PROXY) : Double.NaN;
		lines.add(String.format(Locale.ROOT, "%-54s %9s%s",
				"gateway CPU per request at " + number(this.rate, 0) + " req/s",
				Double.isNaN(gateway) ? "-" : String.format(Locale.ROOT, "%.0f us", gateway),
				verdict(gateway, GATEWAY_CPU_TARGET_MICROS, gateway <= GATEWAY_CPU_TARGET_MICROS,
						String.format(Locale.ROOT, "<= %.0f us", GATEWAY_CPU_TARGET_MICROS))));
		return lines;
	}

	private String throughput(Route over, Route under, double target) {
		double ratio = ratio(requestsPerSecond(this.peak.get(over)), requestsPerSecond(this.peak.get(under)));
		return String.format(Locale.ROOT, "%-54s %9s%s", "peak req/s, " + over.label() + " / " + under.label(),
				Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio),
				verdict(ratio, target, ratio >= target, String.format(Locale.ROOT, ">= %.2fx", target)));
	}

	private String addedP99(Route gateway, double targetMs) {
		double added = p99Millis(this.fixed.get(gateway)) - p99Millis(this.fixed.get(Route.DIRECT));
		return String.format(Locale.ROOT, "%-54s %9s%s",
				"p99 at " + number(this.rate, 0) + " req/s, " + gateway.label() + " - direct",
				Double.isNaN(added) ? "-" : String.format(Locale.ROOT, "%+.2f ms", added),
				verdict(added, targetMs, added <= targetMs, String.format(Locale.ROOT, "<= %.0f ms", targetMs)));
	}

	private static String verdict(double value, double target, boolean met, String goal) {
		if (Double.isNaN(value) || Double.isNaN(target)) {
			return "";
		}
		return "   target " + goal + ": " + (met ? "met" : "MISSED");
	}

	private static double requestsPerSecond(WrkRun run) {
		return (run != null) ? run.requestsPerSecond() : Double.NaN;
	}

	private static double p99Millis(WrkRun run) {
		return (run != null) ? run.p99Millis() : Double.NaN;
	}

	private static String rps(WrkRun run) {
		return number(requestsPerSecond(run), 0);
	}

	private static String p50(WrkRun run) {
		return number((run != null) ? run.p50Millis() : Double.NaN, 2);
	}

	private static String p99(WrkRun run) {
		return number(p99Millis(run), 2);
	}

	private static double ratio(double a, double b) {
		return (Double.isNaN(a) || Double.isNaN(b) || b == 0) ? Double.NaN : a / b;
	}

	private static String number(double value, int decimals) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	private static String center(String text, int width) {
		int left = Math.max(0, (width - text.length()) / 2);
		return " ".repeat(left) + text + " ".repeat(Math.max(0, width - text.length() - left));
	}

}
