package dev.keel.storage;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.ServiceContract;
import dev.keel.testing.TestTokens;

/** storage-service on a real Kafka broker and MongoDB-wire store, over real HTTP. */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false" })
class StorageServiceIntegrationTests {

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

	@TempDir
	static java.nio.file.Path blobs;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MongoTemplate mongo;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.load-balanced", () -> false);
		registry.add("keel.security.issuer", tokens::issuer);
		registry.add("keel.storage.dir", () -> blobs.toString());
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	static Stream<Named<String>> invalidTokens() {
		return tokens.invalidTokens("user-1").entrySet().stream().map((e) -> Named.of(e.getKey(), e.getValue()));
	}

	@Test
	void probesAndMetricsAnswerOnTheManagementPortOnly() {
		ServiceContract.assertProbesOnManagementPortOnly(this.port, this.managementPort, tokens.token("user-1"));
	}

	@Test
	void unknownApiPathIsANotFoundProblem() {
		ServiceContract.assertNotFoundProblem(this.port, "/api/storage/nope/nope", tokens.token("user-1"));
	}

	@Test
	void requestWithoutATokenIsAnUnauthorizedProblem() {
		ServiceContract.assertUnauthorizedProblem(this.port, "/api/storage/nope", null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTokens")
	void invalidTokenIsAnUnauthorizedProblem(String token) {
		ServiceContract.assertUnauthorizedProblem(this.port, "/api/storage/nope", token);
	}

	@Test
	void storesMetadataInItsOwnDatabase() {
		ServiceContract.assertOwnDatabase(this.mongo.getDb(), "keel_storage");
	}

}
