package dev.keel.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.events.EventEnvelope;
import dev.keel.events.Topics;
import dev.keel.testing.ServiceHttp.Reply;
import dev.keel.testing.LoopbackHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka may deliver an event twice; the same document event published twice makes one
 * inbox item, one email and one webhook delivery.
 */
class DuplicateEventIntegrationTests extends NotificationServiceTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final HttpServer receiver = startReceiver();

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void theSameEventTwiceMakesOneInboxItemOneEmailAndOneWebhookDelivery() throws Exception {
		String collection = "dup" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String subscriber = "user-" + UUID.randomUUID();
		String address = subscriber + "@example.test";
		String token = tokens.sign(tokens.claims(subscriber).claim("email", address).build());
		// Notification emails go only to verified addresses.
		publish(Topics.AUTH_EVENTS, UserEvents.verified(subscriber, address));
		awaitAccount(subscriber, (account) -> address.equals(account.getString("verifiedEmail")));
		assertThat(post("/api/notifications/subscriptions", token, Map.of("collection", collection)).status())
			.isEqualTo(201);
		assertThat(put("/api/notifications/preferences", token, Map.of("email", true, "inApp", true)).status())
			.isEqualTo(200);
		Reply webhook = post("/api/notifications/webhooks", admin(),
				Map.of("url", LoopbackHttp.uri(this.receiver) + "/hook", "events", List.of("keel.document.*"),
						"collections", List.of(collection)));
		assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
		String webhookId = webhook.json().path("id").asString();

		EventEnvelope<?> event = DocumentEvents.updated(collection, "d1", "author-1", "author-1", "public");
		publish(Topics.DATA_EVENTS, event);
		publish(Topics.DATA_EVENTS, event);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> !mailsTo(address).isEmpty() && !this.received.isEmpty() && items(token).size() == 1);
		Thread.sleep(2000);
		assertThat(items(token)).hasSize(1);
		assertThat(mailsTo(address)).hasSize(1);
		assertThat(this.received).hasSize(1);
		JsonNode deliveries = get("/api/notifications/webhooks/" + webhookId + "/deliveries", admin()).json();
		assertThat(deliveries.path("items")).singleElement()
			.satisfies((delivery) -> assertThat(delivery.path("eventId").asString()).isEqualTo(event.id()));
	}

	private List<JsonNode> items(String token) {
		return get("/api/notifications", token).json().path("items").valueStream().toList();
	}

	private List<JsonNode> mailsTo(String address) throws Exception {
		String body = this.http
			.send(HttpRequest.newBuilder(URI.create(mail.baseUrl() + "/api/v1/messages")).build(),
					BodyHandlers.ofString())
			.body();
		return json.readTree(body)
			.path("messages")
			.valueStream()
			.filter((message) -> message.path("To").toString().contains(address))
			.toList();
	}

	private HttpServer startReceiver() {
		HttpServer server = LoopbackHttp.start();
		server.createContext("/hook", (exchange) -> {
			this.received.add(new String(exchange.getRequestBody().readAllBytes()));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		return server;
	}

}
