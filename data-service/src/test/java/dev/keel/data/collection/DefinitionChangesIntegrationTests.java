package dev.keel.data.collection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.keel.data.DataServiceApplication;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.ServiceHttp;
import dev.keel.testing.ServiceHttp.Reply;
import dev.keel.testing.TestTokens;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.access;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two data-service instances on one store and broker, each with its own copy of the
 * collection definitions: a definition changed through one is in force on the other
 * within a second.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class DefinitionChangesIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(1);

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> first.getBean(Definitions.class).isListening()
					&& second.getBean(Definitions.class).isListening());
	}

	@AfterAll
	static void stop() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
		jwks.close();
	}

	@Test
	void aStricterSchemaDefinedOnOneInstanceRefusesDocumentsOnTheOtherWithinASecond() {
		String name = aCollectionName("notes");
		String path = "/api/data/collections/" + name;
		assertThat(call(first, "PUT", path, Map.of("access", anyone())).status()).isEqualTo(201);
		Map<String, Object> note = Map.of("text", "hello", "colour", "red");
		assertThat(call(second, "POST", path + "/documents", note).status()).isEqualTo(201);
		keptBySecond(path, name);

		Map<String, Object> strict = Map.of("type", "object", "additionalProperties", false, "properties",
				Map.of("text", Map.of("type", "string")));
		assertThat(call(first, "PUT", path, Map.of("schema", strict, "access", anyone())).status()).isEqualTo(200);
		long changed = System.nanoTime();

		Reply refused = firstReplyWithin(WITHIN, () -> call(second, "POST", path + "/documents", note), 422);
		assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(WITHIN);
		assertThat(refused.code()).isEqualTo("validation_failed");
		assertThat(call(second, "POST", path + "/documents", Map.of("text", "fits")).status()).isEqualTo(201);
	}

	@Test
	void aCollectionDeletedOnOneInstanceIsGoneOnTheOtherWithinASecond() {
		String name = aCollectionName("gone");
		String path = "/api/data/collections/" + name;
		assertThat(call(first, "PUT", path, Map.of("access", anyone())).status()).isEqualTo(201);
		keptBySecond(path, name);

		assertThat(call(first, "DELETE", path, null).status()).isEqualTo(204);
		long deleted = System.nanoTime();

		Reply missing = firstReplyWithin(WITHIN, () -> call(second, "GET", path + "/documents", null), 404);
		assertThat(Duration.ofNanos(System.nanoTime() - deleted)).isLessThan(WITHIN);
		assertThat(missing.code()).isEqualTo("collection_not_found");
	}

	@Test
	void theInstanceThatChangedADefinitionUsesItAtOnce() {
		String name = aCollectionName("local");
		String path = "/api/data/collections/" + name;
		assertThat(call(first, "PUT", path, Map.of("access", anyone())).status()).isEqualTo(201);
		assertThat(call(first, "POST", path + "/documents", Map.of("n", 1)).status()).isEqualTo(201);
		assertThat(call(first, "PUT", path,
				Map.of("schema", Map.of("type", "object", "required", List.of("title")), "access", anyone()))
			.status()).isEqualTo(200);
		assertThat(call(first, "POST", path + "/documents", Map.of("n", 2)).status()).isEqualTo(422);
	}

	/**
	 * Reads the collection through the second instance until it keeps the definition: the
	 * event of its creation may arrive after the first read and make it forget it.
	 */
	private static void keptBySecond(String path, String name) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			assertThat(call(second, "GET", path + "/documents", null).status()).isEqualTo(200);
			return second.getBean(Definitions.class).holds(name);
		});
	}

	private static Reply firstReplyWithin(Duration within, Supplier<Reply> request, int status) {
		long deadline = System.nanoTime() + within.toNanos();
		Reply reply = request.get();
		while (reply.status() != status && System.nanoTime() < deadline) {
			pause();
			reply = request.get();
		}
		assertThat(reply.status()).as("status within " + within).isEqualTo(status);
		return reply;
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> anyone() {
		return access("public", "public", "public", "public");
	}

	private static Reply call(ConfigurableApplicationContext instance, String method, String path, Object body) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return ServiceHttp.call(port, method, path, tokens.token("admin-1", "admin"), body, Map.of());
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(DataServiceApplication.class).run("--server.port=0",
				"--management.server.port=0", "--eureka.client.enabled=false",
				"--spring.mongodb.database=data_definition_changes_tests", "--keel.security.jwk-set-uri=" + jwks.uri(),
				"--keel.security.load-balanced=false", "--keel.security.issuer=" + tokens.issuer());
	}

}
