package dev.keel.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * storage-service on the {@code keel run} platform: registered in discovery on its port,
 * routed by the gateway under {@code /api/storage/**}, its OpenAPI document listed in
 * {@code /docs}, and its own 404 problem for a path it does not serve.
 */
@ExtendWith(RunningPlatform.class)
class StoragePlatformSystemTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void storageServiceIsRegisteredInDiscoveryOnItsPort() throws Exception {
		String body = http
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + KeelCli.port(8761) + "/eureka/apps/STORAGE-SERVICE"))
				.header("Accept", "application/json")
				.header("Authorization", RunningPlatform.keel.discoveryAuthorization())
				.timeout(Duration.ofSeconds(5))
				.build(), BodyHandlers.ofString())
			.body();
		JsonNode instance = Api.json.readTree(body).path("application").path("instance");
		JsonNode only = instance.isArray() ? instance.path(0) : instance;
		assertThat(only.path("status").asString()).isEqualTo("UP");
		assertThat(only.path("port").path("$").asInt()).isEqualTo(KeelCli.port(8084));
	}

	@Test
	void itsOpenApiDocumentAnswersThroughTheGatewayWithoutAToken() {
		Reply reply = routed("/api/storage/v3/api-docs", null);
		assertThat(reply.status()).isEqualTo(200);
		JsonNode document = reply.body();
		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(document.path("info").path("title").asString()).isEqualTo("Keel storage-service");
		assertThat(document.path("servers").path(0).path("url").asString()).isEqualTo("/");
	}

	@Test
	void docsListItsDocument() {
		Reply config = Api.get("/docs/swagger-config", null);
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body().path("urls").valueStream())
			.anySatisfy((document) -> assertThat(document.path("name").asString()).isEqualTo("storage-service"))
			.anySatisfy(
					(document) -> assertThat(document.path("url").asString()).isEqualTo("/api/storage/v3/api-docs"));
	}

	@Test
	void aPathStorageServiceDoesNotServeIsItsNotFoundProblem() {
		Reply reply = routed("/api/storage/nope", DataFixtures.admin().accessToken());
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(reply.field("code")).isEqualTo("not_found");
		assertThat(reply.field("traceId")).isNotBlank();
	}

	@Test
	void bucketDefinitionsNeedATokenAtTheGateway() {
		Reply reply = Api.get("/api/storage/buckets", null);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.field("code")).isEqualTo("unauthorized");
	}

	/**
	 * The reply once the gateway routes to storage-service: the platform is routable when
	 * it is started, but the gateway's view of discovery may lag a moment behind.
	 */
	private static Reply routed(String path, String bearer) {
		Instant deadline = Instant.now().plusSeconds(20);
		Reply reply = Api.get(path, bearer);
		while (reply.status() == 503 && Instant.now().isBefore(deadline)) {
			sleep();
			reply = Api.get(path, bearer);
		}
		return reply;
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
