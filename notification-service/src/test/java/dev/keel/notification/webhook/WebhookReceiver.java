package dev.keel.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.testing.LoopbackHttp;

/**
 * Webhook receivers for tests: a JDK HTTP server on 127.0.0.1 with one endpoint per test,
 * each recording what it received and answering with the status its test chooses.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static WebhookReceiver start() {
		return new WebhookReceiver(LoopbackHttp.start());
	}

	/** A new endpoint that answers 204 until told otherwise. */
	Endpoint endpoint() {
		Endpoint endpoint = new Endpoint("/hooks/" + UUID.randomUUID());
		this.server.createContext(endpoint.path, endpoint::handle);
		return endpoint;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One receiving URL. */
	final class Endpoint {

		private final String path;

		private final List<Received> received = new CopyOnWriteArrayList<>();

		private volatile IntUnaryOperator answer = (request) -> 204;

		private volatile Duration delay = Duration.ZERO;

		private volatile String location;

		private Endpoint(String path) {
			this.path = path;
		}

		String url() {
			return LoopbackHttp.uri(WebhookReceiver.this.server) + this.path;
		}

		/** Answers the n-th request (from 1) with the status the function gives. */
		void answer(IntUnaryOperator statusForRequest) {
			this.answer = statusForRequest;
		}

		void answerAlways(int status) {
			this.answer = (request) -> status;
		}

		/** Waits this long before answering. */
		void delay(Duration delay) {
			this.delay = delay;
		}

		/** Sends this {@code Location} header with every answer. */
		void location(String location) {
			this.location = location;
		}

		List<Received> received() {
			return List.copyOf(this.received);
		}

		/** What arrived for one event (the CloudEvent's {@code id}). */
		List<Received> receivedFor(String eventId) {
			return this.received.stream().filter((r) -> eventId.equals(r.json().path("id").asString())).toList();
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
				this.received.add(new Received(Instant.now(), exchange.getRequestMethod(), headers, body));
				Thread.sleep(this.delay);
				if (this.location != null) {
					exchange.getResponseHeaders().add("Location", this.location);
				}
				exchange.sendResponseHeaders(this.answer.applyAsInt(this.received.size()), -1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				exchange.close();
			}
		}

	}

	/**
	 * A request as it arrived.
	 *
	 * @param at when
	 * @param method the HTTP method
	 * @param headers the headers, looked up regardless of case
	 * @param body the body
	 */
	record Received(Instant at, String method, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		JsonNode json() {
			return WebhookReceiver.json.readTree(this.body);
		}

		/** Verified by the official Standard Webhooks library. */
		boolean verifiesWithTheStandardLibrary(String secret) {
			try {
				new Webhook(secret).verify(this.body, this.headers);
				return true;
			}
			catch (WebhookVerificationException ex) {
				return false;
			}
		}

		/** Verified by hand, as the specification describes it. */
		boolean verifiesByHand(String secret) throws Exception {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] expected = mac.doFinal((header("webhook-id") + "." + header("webhook-timestamp") + "." + this.body)
				.getBytes(StandardCharsets.UTF_8));
			for (String signature : header("webhook-signature").split(" ")) {
				if (signature.startsWith("v1,")
						&& MessageDigest.isEqual(Base64.getDecoder().decode(signature.substring(3)), expected)) {
					return true;
				}
			}
			return false;
		}

	}

}
