package dev.keel.bench.gateway;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads wrk's report (run with {@code --latency}): requests/s, the 50th and 99th
 * percentiles of its latency distribution, and the errors it counted. wrk prints
 * durations with a unit ({@code 812.00us}, {@code 2.31ms}, {@code 1.02s}, {@code 1.50m})
 * and leaves out the error lines when there were none.
 */
final class WrkOutput {

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("^Requests/sec:\\s+([\\d.]+)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in ", Pattern.MULTILINE);

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern BAD_STATUSES = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private WrkOutput() {
	}

	static WrkRun parse(String output) {
		long socketErrors = 0;
		Matcher errors = SOCKET_ERRORS.matcher(output);
		if (errors.find()) {
			for (int group = 1; group <= 4; group++) {
				socketErrors += Long.parseLong(errors.group(group));
			}
		}
		Matcher bad = BAD_STATUSES.matcher(output);
		long badStatuses = bad.find() ? Long.parseLong(bad.group(1)) : 0;
		return new WrkRun(Double.parseDouble(find(REQUESTS_PER_SECOND, output, "Requests/sec")),
				percentileMicros(output, "50"), percentileMicros(output, "99"),
				Long.parseLong(find(REQUESTS, output, "requests in")), badStatuses, socketErrors);
	}

	/**
	 * A line of the latency distribution, in microseconds; {@code NaN} when wrk printed
	 * none (no request completed).
	 */
	private static double percentileMicros(String output, String percent) {
		Matcher line = Pattern.compile("^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$", Pattern.MULTILINE)
			.matcher(output);
		if (!line.find()) {
			if (!output.contains("Latency Distribution")) {
				throw new IllegalArgumentException("wrk printed no latency distribution (was it run with --latency?)");
			}
			return Double.NaN;
		}
		double value = Double.parseDouble(line.group(1));
		return switch (line.group(2).toLowerCase(Locale.ROOT)) {
			case "us" -> value;
			case "ms" -> value * 1e3;
			case "s" -> value * 1e6;
			case "m" -> value * 60e6;
			default -> value * 3600e6;
		};
	}

	private static String find(Pattern pattern, String output, String what) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalArgumentException("wrk's output has no '" + what + "' line");
		}
		return matcher.group(1);
	}

}
