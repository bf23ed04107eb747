package dev.keel.gateway;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.system.CapturedOutput;

/** The gateway's access log lines, as a test captured them from the console. */
public final class AccessLogLines {

	private AccessLogLines() {
	}

	/**
	 * The request's one access log line. It is written when the exchange completes, which
	 * may be a moment after the client has read the response; a moment more passes before
	 * the count is checked, so a second line for the same request would be seen.
	 */
	public static String single(CapturedOutput output, String requestId) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		List<String> lines = lines(output, requestId);
		while (lines.isEmpty() && System.nanoTime() < deadline) {
			sleep();
			lines = lines(output, requestId);
		}
		sleep();
		lines = lines(output, requestId);
		if (lines.size() != 1) {
			throw new AssertionError(lines.size() + " access log lines for " + requestId + " in:\n" + output.getOut());
		}
		return lines.get(0);
	}

	private static List<String> lines(CapturedOutput output, String requestId) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("\"keel.access\"") && line.contains(requestId))
			.toList();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
