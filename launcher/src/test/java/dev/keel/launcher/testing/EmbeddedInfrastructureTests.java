package dev.keel.launcher.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.keel.launcher.infra.KafkaFixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedInfrastructure.class)
class EmbeddedInfrastructureTests {

	@Test
	void publishesTheAddressesAsSystemProperties() {
		assertThat(System.getProperty("KEEL_KAFKA_BOOTSTRAP_SERVERS"))
			.isEqualTo(EmbeddedInfrastructure.kafkaBootstrapServers())
			.startsWith("localhost:");
		assertThat(System.getProperty("KEEL_MONGODB_URI")).isEqualTo(EmbeddedInfrastructure.mongoUri())
			.startsWith("mongodb://");
	}

	@Test
	void storesAndFindsADocument() {
		try (MongoClient client = MongoClients.create(System.getProperty("KEEL_MONGODB_URI"))) {
			MongoCollection<Document> tasks = client.getDatabase("data").getCollection("tasks");
			tasks.insertOne(new Document("_id", "t-1").append("title", "Write tests"));

			assertThat(tasks.find(Filters.eq("_id", "t-1")).first()).containsEntry("title", "Write tests");
		}
	}

	@Test
	void carriesARecordThroughKafka() throws Exception {
		String bootstrapServers = System.getProperty("KEEL_KAFKA_BOOTSTRAP_SERVERS");
		KafkaFixtures.produce(bootstrapServers, "document-events", "t-1", "DocumentCreated");

		assertThat(KafkaFixtures.consume(bootstrapServers, "document-events", "notifications", 1))
			.extracting(ConsumerRecord::value)
			.containsExactly("DocumentCreated");
	}

}
