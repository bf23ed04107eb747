package dev.keel.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>("document-events", "t-1", "DocumentCreated")).get(30, TimeUnit.SECONDS);
		}

		assertThat(TopicRecords.withKey(bootstrapServers, "document-events", "t-1")).extracting(ConsumerRecord::value)
			.containsExactly("DocumentCreated");
	}

}
