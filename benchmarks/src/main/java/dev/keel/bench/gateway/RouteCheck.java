package dev.keel.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Supplier;

import dev.keel.bench.BenchAbort;

/**
 * Answers outside the measured runs: that every route answers the measured GET with 200
 * before it is measured, also under the benchmark's load, and what a route answers after
 * a run that had errors.
 */
final class RouteCheck {

	private final HttpClient http;

	RouteCheck(HttpClient http) {
		this.http = http;
	}

	/** The status and body of one GET, or {@code -1} and the failure. */
	Answer get(URI url, String token) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(5))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Answer(-1, ex.toString());
		}
	}

	/**
	 * Waits until the route answers 200 three times in a row: a gateway that has just
	 * started may not have fetched the registry yet.
	 */
	void awaitOk(Route route, URI url, Supplier<String> token, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int inARow = 0;
		Answer last = null;
		while (inARow < 3) {
			last = get(url, token.get());
			inARow = (last.status() == 200) ? inARow + 1 : 0;
			if (inARow < 3 && System.nanoTime() - deadline > 0) {
				throw new BenchAbort("GET " + url + " (" + route.label() + ") does not answer 200 but "
						+ last.describe() + ". " + advice(last.status()));
			}
			if (inARow == 0) {
				Thread.sleep(250);
			}
		}
	}

	/**
	 * Stops the benchmark, before anything is measured, when a route's first answers
	 * under the benchmark's load (its first warm-up run) were not all 200: a rate limit's
	 * 429s or a failing service would make its row void.
	 * @param route the route
	 * @param url the measured GET through it
	 * @param run its first warm-up run
	 * @param after one GET right after that run, which says what the failures were
	 */
	static void firstAnswers(Route route, URI url, WrkRun run, Answer after) {
		if (run.badStatuses() > 0 || run.requests() == 0) {
			throw new BenchAbort(String.format(
					"GET %s (%s) is not measured: of its first %,d answers under load %,d were not 200 "
							+ "(%,d socket errors); one GET right after: %s. %s",
					url, route.label(), run.requests(), run.badStatuses(), run.socketErrors(), after.describe(),
					advice(after.status())));
		}
	}

	/** What the user can do about a route that answers {@code status} instead of 200. */
	static String advice(int status) {
		if (status == 429) {
			return "That is the gateway's rate limit: stop the platform (./keel stop), start it with "
					+ "KEEL_RATE_LIMITS_ENABLED=false ./keel run --detach and run the benchmark again.";
		}
		if (status == 401 || status == 403 || status == 404) {
			return "The benchmark needs an authenticated GET that the signed-in user may call (--path, --email).";
		}
		return "./keel status shows whether every component is up, and ./keel logs <component> why it fails "
				+ "(the second gateway logs to .keel/logs/" + SecondGateway.NAME + ".log).";
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status, -1 when there was none
	 * @param body the body, or the I/O failure
	 */
	record Answer(int status, String body) {

		String describe() {
			String text = this.body.strip();
			text = (text.length() > 300) ? text.substring(0, 300) + "..." : text;
			return ((this.status > 0) ? "HTTP " + this.status : "no answer") + (text.isEmpty() ? "" : ": " + text);
		}

	}

}
