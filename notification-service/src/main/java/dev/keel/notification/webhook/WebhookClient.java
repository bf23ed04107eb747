package dev.keel.notification.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.keel.notification.webhook.TargetGuard.Checked;

/**
 * Makes one attempt at a delivery: a signed POST of its payload, redirects not followed,
 * bounded by {@code keel.notification.webhooks.timeout} to connect and again to answer.
 * Only a 2xx answer counts as received; the response body is not read.
 * <p>
 * The target's name is resolved once, by the {@link TargetGuard}, and the connection goes
 * to the address it checked: the HTTP client is handed that address with the name, so it
 * looks nothing up again (a DNS server cannot answer "public" to the check and "private"
 * to the client), while the {@code Host} header, TLS SNI and certificate verification
 * still use the name.
 */
@Component
class WebhookClient implements AutoCloseable {

	static final String USER_AGENT = "Keel-Webhooks/1.0";

	private final CloseableHttpClient http;

	private final Duration timeout;

	private final String timeoutText;

	private final TargetGuard guard;

	@Autowired
	WebhookClient(WebhookProperties properties) {
		this(properties, TargetGuard.of(properties.allowPrivateTargets()));
	}

	/** A client whose guard resolves names its own way (tests stand in for DNS). */
	WebhookClient(WebhookProperties properties, TargetGuard guard) {
		this.timeout = properties.timeout();
		this.timeoutText = (this.timeout.toMillis() % 1000 == 0) ? this.timeout.toSeconds() + " s"
				: this.timeout.toMillis() + " ms";
		this.guard = guard;
		Timeout limit = Timeout.of(this.timeout);
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setMaxConnTotal(properties.maxInFlight())
				.setMaxConnPerRoute(properties.maxInFlightPerWebhook())
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
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
		Checked target = this.guard.check(uri.getHost());
		if (target.refusal() != null) {
			return new Attempt(start, null, "Not sent: " + target.refusal(), elapsedMs(started));
		}
		HttpPost request = request(uri, webhook, delivery, start.getEpochSecond());
		// A receiver that trickles its answer byte by byte is cut off all the same.
		CompletableFuture<Void> deadline = CompletableFuture.runAsync(request::cancel,
				CompletableFuture.delayedExecutor(this.timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS));
		String name = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
				: uri.getHost();
		HttpHost host = new HttpHost(uri.getScheme(), target.address(), name, uri.getPort());
		try (ClassicHttpResponse response = this.http.executeOpen(host, request, null)) {
			int status = response.getCode();
			return new Attempt(start, status, (status / 100 == 2) ? null : failure(status), elapsedMs(started));
		}
		catch (IOException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedException("Stopped during a webhook attempt");
			}
			return new Attempt(start, null, deadline.isDone() ? "No answer within " + this.timeoutText : failure(ex),
					elapsedMs(started));
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static HttpPost request(URI uri, Webhook webhook, Delivery delivery, long timestamp) {
		HttpPost request = new HttpPost(uri);
		request.setHeader("webhook-id", delivery.id());
		request.setHeader("webhook-timestamp", Long.toString(timestamp));
		request.setHeader("webhook-signature",
				new WebhookSigner(webhook.secret()).sign(delivery.id(), timestamp, delivery.payload()));
		request.setHeader("User-Agent", USER_AGENT);
		request.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
		return request;
	}

	private static String failure(int status) {
		return (status / 100 == 3) ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
	}

	private String failure(IOException ex) {
		return switch (ex) {
			case ConnectTimeoutException timedOut -> "Could not connect within " + this.timeoutText;
			case SocketTimeoutException timedOut -> "No answer within " + this.timeoutText;
			case ConnectException refused ->
				"Could not connect: " + ((refused.getMessage() != null) ? refused.getMessage() : "connection refused");
			default -> ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		};
	}

	@Override
	public void close() {
		this.http.close(CloseMode.IMMEDIATE);
	}

	private static long elapsedMs(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

}
