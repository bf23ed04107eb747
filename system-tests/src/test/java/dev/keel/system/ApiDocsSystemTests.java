package dev.keel.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /docs} (API.md §6): Swagger UI at the gateway, over the OpenAPI documents
 * that each service generates, fetched through the gateway without a token as a browser
 * would.
 */
@ExtendWith(RunningPlatform.class)
class ApiDocsSystemTests {

	/** A few real endpoints of each service that its document must describe. */
	private static final Map<String, List<String>> ENDPOINTS = Map.of("auth-service",
			List.of("/api/auth/token", "/api/auth/signup", "/api/auth/me", "/api/auth/.well-known/jwks.json"),
			"data-service",
			List.of("/api/data/collections", "/api/data/collections/{collection}/documents",
					"/api/data/collections/{collection}/documents/{id}"),
			"notification-service",
			List.of("/api/notifications", "/api/notifications/stream", "/api/notifications/stream-ticket",
					"/api/notifications/subscriptions"),
			"storage-service", List.of("/api/storage/buckets/{name}", "/api/storage/buckets/{bucket}/objects",
					"/api/storage/buckets/{bucket}/objects/{id}/content", "/api/storage/buckets/{bucket}/uploads"));

	@Test
	void docsAnswerSwaggerUi() {
		Reply page = Api.get("/docs", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.response().body()).contains("id=\"swagger-ui\"", "swagger-ui-bundle.js");
		Reply initializer = Api.get("/docs/swagger-initializer.js", null);
		assertThat(initializer.status()).isEqualTo(200);
		assertThat(initializer.response().body()).contains("/docs/swagger-config");
	}

	@Test
	void swaggerUiListsTheFourServices() {
		assertThat(documents().valueStream().map((document) -> document.path("name").asString()))
			.containsExactly("auth-service", "data-service", "notification-service", "storage-service");
	}

	@Test
	void everyListedDocumentIsFetchedThroughTheGatewayAndDescribesItsService() {
		for (JsonNode listed : documents()) {
			String service = listed.path("name").asString();
			Reply reply = Api.get(listed.path("url").asString(), null);
			assertThat(reply.status()).as(service).isEqualTo(200);
			JsonNode document = reply.body();
			assertThat(document.path("openapi").asString()).as(service).startsWith("3.");
			assertThat(document.path("info").path("title").asString()).isEqualTo("Keel " + service);
			assertThat(document.path("servers").path(0).path("url").asString())
				.as("Try it out goes through the gateway")
				.isEqualTo("/");
			assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
				.isEqualTo("bearer");
			assertThat(document.path("paths").propertyNames()).as(service).containsAll(ENDPOINTS.get(service));
		}
	}

	private static JsonNode documents() {
		Reply config = Api.get("/docs/swagger-config", null);
		assertThat(config.status()).isEqualTo(200);
		return config.body().path("urls");
	}

}
