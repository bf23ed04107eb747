package dev.keel.storage.object;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import dev.keel.events.Topics;
import dev.keel.storage.StorageServiceTest;
import dev.keel.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FileEventsIntegrationTests extends StorageServiceTest {

	@Value("${spring.kafka.bootstrap-servers}")
	String kafka;

	@Test
	void uploadsAndDeletionsAreFileEventsKeyedByBucketAndObject() {
		String bucket = bucket(access("owner", "authenticated", "owner"));
		String id = uploadRaw(bucket, "report.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain",
				user("alice"))
			.json()
			.path("id")
			.asString();
		delete("/api/storage/buckets/" + bucket + "/objects/" + id, user("alice"));

		List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
			.until(() -> TopicRecords.withKey(this.kafka, Topics.STORAGE_EVENTS, bucket + "/" + id),
					(found) -> found.size() == 2);

		JsonNode uploaded = json.readTree(records.get(0).value());
		JsonNode deleted = json.readTree(records.get(1).value());
		assertThat(uploaded.path("type").asString()).isEqualTo("keel.file.uploaded");
		assertThat(uploaded.path("data").path("name").asString()).isEqualTo("report.txt");
		assertThat(uploaded.path("data").path("size").asLong()).isEqualTo(5);
		assertThat(uploaded.path("data").path("contentType").asString()).isEqualTo("text/plain");
		assertThat(uploaded.path("data").path("owner").asString()).isEqualTo("alice");
		assertThat(uploaded.path("data").path("readRule").asString()).isEqualTo("owner");
		assertThat(deleted.path("type").asString()).isEqualTo("keel.file.deleted");
		assertThat(deleted.path("data").path("actor").asString()).isEqualTo("alice");
		assertThat(get("/api/storage/buckets/" + bucket + "/objects", user("alice")).json().path("items")).isEmpty();
	}

}
