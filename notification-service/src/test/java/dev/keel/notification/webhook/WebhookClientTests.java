package dev.keel.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.keel.notification.webhook.WebhookReceiver.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;

/** One attempt against a real HTTP receiver on 127.0.0.1. */
class WebhookClientTests {

	private static final WebhookReceiver receiver = WebhookReceiver.start();

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void aTwoHundredIsASignedSuccess() throws Exception {
		Endpoint endpoint = receiver.endpoint();
		endpoint.answerAlways(202);

		Attempt attempt = client(true, Duration.ofSeconds(5)).send(webhook(endpoint.url()), delivery());

		assertThat(attempt.succeeded()).isTrue();
		assertThat(attempt.statusCode()).isEqualTo(202);
		assertThat(endpoint.received()).singleElement().satisfies((request) -> {
			assertThat(request.header("webhook-id")).isEqualTo("msg_test");
			assertThat(request.body()).isEqualTo("{\"id\":\"e-1\"}");
			assertThat(request.verifiesWithTheStandardLibrary(SECRET)).isTrue();
		});
	}

	@Test
	void aTargetThatResolvesPrivatelyIsNotCalledWhenPrivateTargetsAreRefused() throws Exception {
		Endpoint endpoint = receiver.endpoint();

		Attempt attempt = client(false, Duration.ofSeconds(5)).send(webhook(endpoint.url()), delivery());

		assertThat(attempt.succeeded()).isFalse();
		assertThat(attempt.statusCode()).isNull();
		assertThat(attempt.error()).startsWith("Not sent: its host 127.0.0.1 resolves to 127.0.0.1");
		assertThat(endpoint.received()).isEmpty();
	}

	@Test
	void connectsToTheAddressItCheckedWithTheNameInTheHostHeader() throws Exception {
		Endpoint endpoint = receiver.endpoint();
		URI real = URI.create(endpoint.url());
		// A rebinding DNS server: the check gets the receiver's address, any later lookup
		// an address where nothing listens. Names under .invalid never resolve for real.
		AtomicInteger lookups = new AtomicInteger();
		TargetGuard guard = new TargetGuard(true,
				(host) -> new InetAddress[] { InetAddress.getByAddress(host, (lookups.incrementAndGet() == 1)
						? new byte[] { 127, 0, 0, 1 } : new byte[] { 10, (byte) 255, 0, 1 }) });
		String url = "http://hooks.keel.invalid:" + real.getPort() + real.getPath();

		Attempt attempt = new WebhookClient(properties(false, Duration.ofSeconds(5)), guard).send(webhook(url),
				delivery());

		assertThat(attempt.statusCode()).isEqualTo(204);
		assertThat(lookups).hasValue(1);
		assertThat(endpoint.received()).singleElement()
			.satisfies(
					(request) -> assertThat(request.header("Host")).isEqualTo("hooks.keel.invalid:" + real.getPort()));
	}

	@Test
	void redirectsAreNotFollowed() throws Exception {
		Endpoint target = receiver.endpoint();
		Endpoint redirecting = receiver.endpoint();
		redirecting.answerAlways(307);
		redirecting.location(target.url());

		Attempt attempt = client(true, Duration.ofSeconds(5)).send(webhook(redirecting.url()), delivery());

		assertThat(attempt.statusCode()).isEqualTo(307);
		assertThat(attempt.error()).isEqualTo("HTTP 307 (redirects are not followed)");
		assertThat(target.received()).isEmpty();
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeFailsTheAttempt() throws Exception {
		Endpoint endpoint = receiver.endpoint();
		endpoint.delay(Duration.ofSeconds(3));

		Attempt attempt = client(true, Duration.ofMillis(300)).send(webhook(endpoint.url()), delivery());

		assertThat(attempt.statusCode()).isNull();
		assertThat(attempt.error()).isEqualTo("No answer within 300 ms");
		assertThat(attempt.durationMs()).isBetween(250L, 2500L);
	}

	@Test
	void aRefusedConnectionFailsTheAttempt() throws Exception {
		String closed = "http://127.0.0.1:" + closedPort() + "/hook";

		Attempt attempt = client(true, Duration.ofSeconds(5)).send(webhook(closed), delivery());

		assertThat(attempt.statusCode()).isNull();
		assertThat(attempt.error()).startsWith("Could not connect");
	}

	private static WebhookClient client(boolean allowPrivate, Duration timeout) {
		return new WebhookClient(properties(allowPrivate, timeout));
	}

	private static WebhookProperties properties(boolean allowPrivate, Duration timeout) {
		return new WebhookProperties(List.of(Duration.ofSeconds(1)), 0.2, timeout, Duration.ofSeconds(1), allowPrivate,
				8, 2);
	}

	private static Webhook webhook(String url) {
		return new Webhook("wh_test", url, List.of("*"), List.of(), null, SECRET, Instant.now());
	}

	private static Delivery delivery() {
		return new Delivery("msg_test", "wh_test", "e-1", "keel.document.created", "{\"id\":\"e-1\"}",
				DeliveryStatus.PENDING, 0, null, null, Instant.now(), false, List.of(), Instant.now(), "claim");
	}

	private static int closedPort() throws Exception {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
