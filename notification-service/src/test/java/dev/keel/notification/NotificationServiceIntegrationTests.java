package dev.keel.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.launcher.testing.EmbeddedInfrastructure;
import dev.keel.launcher.testing.ServiceContract;

import static org.assertj.core.api.Assertions.assertThat;

/** notification-service on a real Kafka broker and MongoDB-wire store, over real HTTP. */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false" })
class NotificationServiceIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Test
	void probesAndMetricsAnswerOnTheManagementPortOnly() {
		ServiceContract.assertProbesOnManagementPortOnly(this.port, this.managementPort);
	}

	@Test
	void unknownApiPathIsANotFoundProblem() {
		ServiceContract.assertNotFoundProblem(this.port, "/api/notification/nope");
	}

	@Test
	void storesDocumentsInItsOwnDatabase() {
		assertThat(this.mongo.getDb().getName()).isEqualTo("keel_notification");
		this.mongo.getCollection("probe").insertOne(new Document("_id", "p1").append("ok", true));
		assertThat(this.mongo.getCollection("probe").find(new Document("_id", "p1")).first()).containsEntry("ok", true);
	}

	@Test
	void sendsAndReceivesThroughItsKafkaClients() throws Exception {
		String key = UUID.randomUUID().toString();
		this.kafka.send("keel.notification.probe", key, "hello").get(10, TimeUnit.SECONDS);
		try (Consumer<String, String> consumer = this.consumers.createConsumer("probe-" + key, null)) {
			consumer.subscribe(List.of("keel.notification.probe"));
			List<String> received = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (received.isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500))
					.forEach((record) -> received.add(record.key() + "=" + record.value()));
			}
			assertThat(received).contains(key + "=hello");
		}
	}

}
