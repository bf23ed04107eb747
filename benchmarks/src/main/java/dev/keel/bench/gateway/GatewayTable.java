package dev.keel.bench.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as text: one row per route with its peak and its latency at the fixed rate,
 * then the ratios the issue asks for, each against its target, all from the same run.
 *
 * @param peak each route's run at peak
 * @param fixed each route's run at the fixed rate
 * @param rate the fixed rate
 * @param instances how many instances of the service the gateway spreads requests over
 */
record GatewayTable(Map<Route, WrkRun> peak, Map<Route, WrkRun> fixed, double rate, int instances) {

	static final double THROUGHPUT_TARGET = 0.9;

	static final double ADDED_P99_TARGET_MS = 2.0;

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
		if (this.instances > 1) {
			lines.add("");
			lines.add("NOTE: " + this.instances + " instances of the service run; the gateways spread requests over "
					+ "all of them, direct and nginx go to one. Run the platform with one instance to compare like "
					+ "with like.");
		}
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
