package dev.keel.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

import static org.assertj.core.api.Assertions.assertThat;

/** notification-service on a real Kafka broker and MongoDB-wire store, over real HTTP. */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false" })
class NotificationServiceIntegrationTests {

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

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

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.load-balanced", () -> false);
		registry.add("keel.security.issuer", tokens::issuer);
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
		ServiceContract.assertNotFoundProblem(this.port, "/api/notifications/nope/nope", tokens.token("user-1"));
	}

	@Test
	void requestWithoutATokenIsAnUnauthorizedProblem() {
		ServiceContract.assertUnauthorizedProblem(this.port, "/api/notifications/nope", null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTokens")
	void invalidTokenIsAnUnauthorizedProblem(String token) {
		ServiceContract.assertUnauthorizedProblem(this.port, "/api/notifications/nope", token);
	}

	@Test
	void storesDocumentsInItsOwnDatabase() {
		ServiceContract.assertOwnDatabase(this.mongo.getDb(), "keel_notification");
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
