package dev.keel.data.document;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.data.DataServiceTest;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.aTask;
import static dev.keel.data.DataFixtures.aTaskCollection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DocumentEventsIntegrationTests extends DataServiceTest {

	private static final String TOPIC = "keel.data.events";

	@Test
	void everyChangePublishesOneEventInVersionOrder() {
		String name = aCollectionName("evented");
		put("/api/data/collections/" + name, admin(), aTaskCollection("owner", "authenticated", "owner", "owner"));
		String documents = "/api/data/collections/" + name + "/documents";
		String alice = tokens.token("alice");
		String id = post(documents, alice, aTask("first")).json().path("_id").asString();
		call("PATCH", documents + "/" + id, alice, Map.of("status", "done"),
				Map.of("Content-Type", DocumentController.MERGE_PATCH));
		call("PUT", documents + "/" + id, alice, Map.of("title", "second"), Map.of());
		delete(documents + "/" + id, alice);

		List<JsonNode> events = awaitEvents(name + "/" + id, 4);

		assertThat(events).extracting((event) -> event.path("type").asString())
			.containsExactly("keel.document.created", "keel.document.updated", "keel.document.updated",
					"keel.document.deleted");
		assertThat(events).extracting((event) -> event.path("data").path("version").asLong())
			.containsExactly(1L, 2L, 3L, 3L);
		JsonNode created = events.get(0);
		assertThat(created.path("source").asString()).isEqualTo("/keel/data-service");
		assertThat(created.path("data").path("readRule").asString()).isEqualTo("owner");
		assertThat(created.path("data").path("owner").asString()).isEqualTo("alice");
		assertThat(created.path("data").path("actor").asString()).isEqualTo("alice");
		assertThat(created.path("data").path("document").path("title").asString()).isEqualTo("first");
		assertThat(events.get(1).path("data").path("changedFields").valueStream().map(JsonNode::asString))
			.containsExactly("status");
		assertThat(events.get(2).path("data").path("changedFields").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("title", "status", "priority");
	}

	@Test
	void largeDocumentsAreLeftOutOfTheirEvents() {
		String name = aCollectionName("large");
		put("/api/data/collections/" + name, admin(),
				Map.of("access", Map.of("read", "public", "create", "public", "update", "public", "delete", "public")));
		String id = post("/api/data/collections/" + name + "/documents", null, Map.of("text", "x".repeat(100_000)))
			.json()
			.path("_id")
			.asString();

		JsonNode created = awaitEvents(name + "/" + id, 1).get(0);
		assertThat(created.path("data").path("documentTruncated").asBoolean()).isTrue();
		assertThat(created.path("data").path("document").isNull()).isTrue();
		assertThat(created.path("data").path("changedFields").get(0).asString()).isEqualTo("text");
	}

	@Test
	void definingAndDeletingACollectionPublishEvents() {
		String name = aCollectionName("announced");
		put("/api/data/collections/" + name, admin(), aTaskCollection("public", "public", "public", "public"));
		delete("/api/data/collections/" + name, admin());

		List<JsonNode> events = awaitEvents(name, 2);
		assertThat(events).extracting((event) -> event.path("type").asString())
			.containsExactly("keel.collection.defined", "keel.collection.deleted");
		assertThat(events.get(0).path("data").path("access").path("read").asString()).isEqualTo("public");
	}

	private static List<JsonNode> awaitEvents(String key, int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, key)
				.size() >= count);
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, key)
			.stream()
			.map(ConsumerRecord::value)
			.map(json::readTree)
			.toList();
	}

}
