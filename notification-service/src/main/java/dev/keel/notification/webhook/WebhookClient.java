package dev.keel.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Component;

/**
 * Makes one attempt at a delivery: a signed POST of its payload, redirects not followed,
 * bounded by {@code keel.notification.webhooks.timeout}. Only a 2xx answer counts as
 * received; the response body is not read.
 */
@Component
class WebhookClient implements AutoCloseable {

	static final String USER_AGENT = "Keel-Webhooks/1.0";

	private final HttpClient http;

	private final Duration timeout;

	private final String timeoutText;

	private final TargetGuard guard;

	WebhookClient(WebhookProperties properties) {
		this.timeout = properties.timeout();
		this.timeoutText = (this.timeout.toMillis() % 1000 == 0) ? this.timeout.toSeconds() + " s"
				: this.timeout.toMillis() + " ms";
		this.guard = TargetGuard.of(properties.allowPrivateTargets());
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.timeout)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	/**
	 * Sends a delivery to its webhook once.
	 * @return the attempt, failed or not
	 * @throws InterruptedException when the service stops meanwhile (the attempt is not
	 * recorded; the delivery's lease runs out and it is tried again)
	 */
	Attempt send(Webhook webhook, Delivery delivery) throws InterruptedException {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long started = System.nanoTime();
		URI uri = URI.create(webhook.url());
		Optional<String> refused = this.guard.refusal(uri.getHost());
		if (refused.isPresent()) {
			return new Attempt(start, null, "Not sent: " + refused.get(), elapsedMs(started));
		}
		long timestamp = start.getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("webhook-id", delivery.id())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					new WebhookSigner(webhook.secret()).sign(delivery.id(), timestamp, delivery.payload()))
			.header("Content-Type", "application/json")
			.header("User-Agent", USER_AGENT)
			.POST(BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<InputStream> response = this.http.send(request, BodyHandlers.ofInputStream());
			response.body().close();
			int status = response.statusCode();
			return new Attempt(start, status, (status / 100 == 2) ? null : failure(status), elapsedMs(started));
		}
		catch (IOException ex) {
			return new Attempt(start, null, failure(ex), elapsedMs(started));
		}
	}

	private static String failure(int status) {
		return (status / 100 == 3) ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
	}

	private String failure(IOException ex) {
		return switch (ex) {
			case HttpConnectTimeoutException timedOut -> "Could not connect within " + this.timeoutText;
			case HttpTimeoutException timedOut -> "No answer within " + this.timeoutText;
			case ConnectException refused ->
				"Could not connect: " + ((refused.getMessage() != null) ? refused.getMessage() : "connection refused");
			default -> ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		};
	}

	@Override
	public void close() {
		this.http.shutdownNow();
	}

	private static long elapsedMs(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

}
