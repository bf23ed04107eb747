package dev.keel.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.launcher.testing.EmbeddedInfrastructure;
import dev.keel.launcher.testing.ServiceContract;

import static org.assertj.core.api.Assertions.assertThat;

/** data-service's platform contract: probes, errors, its own database and topic. */
class DataServiceIntegrationTests extends DataServiceTest {

	@LocalManagementPort
	int managementPort;

	@Autowired
	MongoTemplate mongo;

	static Stream<Named<String>> invalidTokens() {
		return tokens.invalidTokens("user-1").entrySet().stream().map((e) -> Named.of(e.getKey(), e.getValue()));
	}

	@Test
	void probesAndMetricsAnswerOnTheManagementPortOnly() {
		ServiceContract.assertProbesOnManagementPortOnly(this.port, this.managementPort, tokens.token("user-1"));
	}

	@Test
	void unknownApiPathIsANotFoundProblem() {
		ServiceContract.assertNotFoundProblem(this.port, "/api/data/nope", tokens.token("user-1"));
	}

	@Test
	void requestWithoutATokenIsAnUnauthorizedProblem() {
		ServiceContract.assertUnauthorizedProblem(this.port, "/api/data/nope", null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTokens")
	void invalidTokenIsAnUnauthorizedProblem(String token) {
		ServiceContract.assertUnauthorizedProblem(this.port, "/api/data/nope", token);
	}

	@Test
	void storesDocumentsInItsOwnDatabase() {
		assertThat(this.mongo.getDb().getName()).isEqualTo("keel_data");
		this.mongo.getCollection("probe").insertOne(new Document("_id", "p1").append("ok", true));
		assertThat(this.mongo.getCollection("probe").find(new Document("_id", "p1")).first()).containsEntry("ok", true);
	}

	@Test
	void createsItsEventsTopicOnTheBroker() throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()))) {
			TopicDescription topic = admin.describeTopics(List.of("keel.data.events"))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get("keel.data.events");
			assertThat(topic.partitions()).hasSize(3);
		}
	}

}
