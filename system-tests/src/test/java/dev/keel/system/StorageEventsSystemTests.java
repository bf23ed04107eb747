package dev.keel.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;
import dev.keel.testing.LoopbackHttp;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keel.file.uploaded} reaches the inbox of a user who watches the bucket and a
 * webhook registered for {@code keel.file.*}, with no extra step by the uploader.
 */
@ExtendWith(RunningPlatform.class)
class StorageEventsSystemTests {

	@Test
	void anUploadReachesABucketSubscribersInboxAndAWebhook() throws Exception {
		String admin = DataFixtures.admin().accessToken();
		String photos = StorageFixtures.defineBucket(admin, access("authenticated"), Map.of());
		User subscriber = DataFixtures.newUser();
		User uploader = DataFixtures.newUser();
		Reply subscription = Api.post("/api/notifications/subscriptions", subscriber.token(), Map.of("bucket", photos));
		assertThat(subscription.status()).as(describe(subscription)).isEqualTo(201);
		BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
		HttpServer receiver = LoopbackHttp.start();
		receiver.createContext("/files", (exchange) -> {
			received
				.add(Api.json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		try {
			Reply webhook = Api.post("/api/notifications/webhooks", admin,
					Map.of("url", LoopbackHttp.uri(receiver) + "/files", "events", List.of("keel.file.*")));
			assertThat(webhook.status()).as(describe(webhook)).isEqualTo(201);

			String id = StorageFixtures.upload(uploader.token(), photos, "beach.bin", StorageFixtures.randomBytes(4096))
				.path("id")
				.asString();

			JsonNode delivered = awaitDelivery(received, photos);
			assertThat(delivered.path("type").asString()).isEqualTo("keel.file.uploaded");
			assertThat(delivered.path("data").path("objectId").asString()).isEqualTo(id);
			assertThat(delivered.path("data").path("name").asString()).isEqualTo("beach.bin");
			JsonNode item = NotificationSystemTests.awaitItems(subscriber, 1).get(0);
			assertThat(item.path("data").path("bucket").asString()).isEqualTo(photos);
			assertThat(item.path("data").path("objectId").asString()).isEqualTo(id);
			assertThat(item.path("data").path("eventType").asString()).isEqualTo("keel.file.uploaded");
			assertThat(item.path("title").asString()).isEqualTo("A file in " + photos + " was uploaded");
			assertThat(Api.delete("/api/notifications/webhooks/" + webhook.field("id"), admin).status()).isEqualTo(204);
		}
		finally {
			receiver.stop(0);
		}
	}

	/**
	 * The first delivery about a file of {@code bucket}: other tests' files pass by too.
	 */
	private static JsonNode awaitDelivery(BlockingQueue<JsonNode> received, String bucket) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode event = received.poll(1, TimeUnit.SECONDS);
			if (event != null && event.path("data").path("bucket").asString().equals(bucket)) {
				return event;
			}
		}
		throw new AssertionError("No delivery about a file of " + bucket + " within 30 s");
	}

}
