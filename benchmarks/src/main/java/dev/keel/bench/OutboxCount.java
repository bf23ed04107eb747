package dev.keel.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

/**
 * How many events data-service's outbox relays have published so far: the sum of
 * {@code keel_outbox_published_total} (every collection and topic) over the Prometheus
 * endpoints of every instance. A relay counts each event Kafka acknowledged, so the sum
 * grows by one per event, whichever instance published it.
 */
final class OutboxCount {

	static final String METRIC = "keel_outbox_published_total";

	private final HttpClient http;

	private final List<URI> endpoints;

	OutboxCount(HttpClient http, List<URI> endpoints) {
		this.http = http;
		this.endpoints = endpoints;
	}

	/** The sum now, over every instance. */
	long published() throws IOException, InterruptedException {
		long sum = 0;
		for (URI endpoint : this.endpoints) {
			String body = this.http
				.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString())
				.body();
			sum += sum(body);
		}
		return sum;
	}

	/**
	 * The sum of the metric's samples in Prometheus text: every line that starts with its
	 * name followed by labels or a space; comments and other metrics are skipped.
	 */
	static long sum(String prometheusText) {
		return prometheusText.lines()
			.filter((line) -> line.startsWith(METRIC + "{") || line.startsWith(METRIC + " "))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
