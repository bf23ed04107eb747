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
 * Single requests outside the measured runs: that every route answers the measured GET
 * with 200 before it is measured, and what a route answers after a run that had errors.
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
				throw new BenchAbort(
						"GET " + url + " (" + route.label() + ") does not answer 200 but " + last.describe()
								+ ". The benchmark needs an authenticated GET that the signed-in user " + "may call.");
			}
			if (inARow == 0) {
				Thread.sleep(250);
			}
		}
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
