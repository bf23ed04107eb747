package dev.keel.data;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.ServiceContract;

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
		ServiceContract.assertOwnDatabase(this.mongo.getDb(), "keel_data");
	}

	@Test
	void createsItsEventsTopicOnTheBroker() throws Exception {
		ServiceContract.assertEventsTopic(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.data.events", 3);
	}

}
