package dev.keel.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;
import dev.keel.testing.LoopbackHttp;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin registers a webhook through the gateway; a document change reaches a real HTTP
 * receiver, signed with the secret returned at creation, and the delivery log says so.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 97)
class WebhookSystemTests {

	/** One received request: the three signature headers and the body. */
	record Received(String id, String timestamp, String signature, String body) {
	}

	@Test
	void aDocumentChangeIsDeliveredSignedAndLogged() throws Exception {
		String admin = DataFixtures.admin().accessToken();
		String tasks = define(admin, null, access("authenticated"));
		BlockingQueue<Received> received = new LinkedBlockingQueue<>();
		HttpServer receiver = LoopbackHttp.start();
		receiver.createContext("/hooks", (exchange) -> {
			received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		try {
			Reply webhook = Api.post("/api/notifications/webhooks", admin,
					Map.of("url", LoopbackHttp.uri(receiver) + "/hooks", "events", List.of("keel.document.created"),
							"collections", List.of(tasks)));
			assertThat(webhook.status()).as(describe(webhook)).isEqualTo(201);
			String secret = webhook.field("secret");
			assertThat(secret).startsWith("whsec_");

			User author = DataFixtures.newUser();
			String id = create(author.token(), tasks, Map.of("title", "Ship it")).path("_id").asString();

			Received delivery = received.poll(30, TimeUnit.SECONDS);
			assertThat(delivery).as("a delivery within 30 s").isNotNull();
			assertThat(delivery.signature()).isEqualTo("v1," + sign(secret, delivery));
			JsonNode event = Api.json.readTree(delivery.body());
			assertThat(event.path("type").asString()).isEqualTo("keel.document.created");
			assertThat(event.path("data").path("documentId").asString()).isEqualTo(id);

			String deliveries = "/api/notifications/webhooks/" + webhook.field("id") + "/deliveries";
			JsonNode logged = awaitSucceeded(admin, deliveries);
			assertThat(logged.path("id").asString()).isEqualTo(delivery.id());
			assertThat(logged.path("attempts").asInt()).isEqualTo(1);
			assertThat(logged.path("lastStatusCode").asInt()).isEqualTo(204);
			assertThat(Api.get(deliveries, author.token()).status()).isEqualTo(403);
		}
		finally {
			receiver.stop(0);
		}
	}

	private static JsonNode awaitSucceeded(String admin, String path) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		JsonNode delivery = null;
		while (System.nanoTime() < deadline) {
			delivery = Api.get(path, admin).body().path("items").path(0);
			if (delivery.path("status").asString().equals("succeeded")) {
				return delivery;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The delivery did not succeed: " + delivery);
	}

	/**
	 * Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body", keyed by the secret's
	 * bytes.
	 */
	private static String sign(String secret, Received delivery) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		byte[] signature = mac.doFinal(
				(delivery.id() + "." + delivery.timestamp() + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(signature);
	}

}
