package dev.keel.auth;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.ServiceContract;

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
		ServiceContract.assertOwnDatabase(this.mongo.getDb(), "keel_auth");
	}

	@Test
	void createsItsEventsTopicOnTheBroker() throws Exception {
		ServiceContract.assertEventsTopic(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.auth.events", 3);
	}

}
