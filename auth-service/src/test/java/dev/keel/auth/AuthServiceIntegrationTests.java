package dev.keel.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.launcher.testing.EmbeddedInfrastructure;
import dev.keel.launcher.testing.ServiceContract;

import static org.assertj.core.api.Assertions.assertThat;

/** auth-service on a real Kafka broker and MongoDB-wire store, over real HTTP. */
@AuthServiceIntegrationTest
class AuthServiceIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MongoTemplate mongo;

	@Test
	void probesAndMetricsAnswerOnTheManagementPortOnly() {
		ServiceContract.assertProbesOnManagementPortOnly(this.port, this.managementPort);
	}

	@Test
	void unknownApiPathIsANotFoundProblem() {
		// Anonymous callers get 401 on unknown paths that need a token; public ones are
		// 404.
		ServiceContract.assertNotFoundProblem(this.port, "/api/auth/.well-known/nope");
	}

	@Test
	void storesDocumentsInItsOwnDatabase() {
		assertThat(this.mongo.getDb().getName()).isEqualTo("keel_auth");
		this.mongo.getCollection("probe").insertOne(new Document("_id", "p1").append("ok", true));
		assertThat(this.mongo.getCollection("probe").find(new Document("_id", "p1")).first()).containsEntry("ok", true);
	}

	@Test
	void createsItsEventsTopicOnTheBroker() throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()))) {
			TopicDescription topic = admin.describeTopics(List.of("keel.auth.events"))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get("keel.auth.events");
			assertThat(topic.partitions()).hasSize(3);
		}
	}

}
