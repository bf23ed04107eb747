package dev.keel.auth;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.testing.ServiceContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service's OpenAPI document, which the gateway's {@code /docs} shows: public, under
 * the service's own route, describing its real endpoints.
 */
@AuthServiceIntegrationTest
class ApiDocsIntegrationTests {

	private static final String DOCUMENT = "/api/auth/v3/api-docs";

	@LocalServerPort
	int port;

	@Test
	void documentDescribesTheAuthEndpointsWithoutAToken() {
		JsonNode document = ServiceContract.assertOpenApiDocument(this.port, DOCUMENT, "/api/auth/token",
				"/api/auth/signup", "/api/auth/me", "/api/auth/.well-known/jwks.json", "/api/auth/admin/users");
		try {
		}
		catch (Exception e) {
		}
		assertThat(document.path("info").path("title").asString()).isEqualTo("Keel auth-service");
		assertThat(document.path("paths")
			.path("/api/auth/token")
			.path("post")
			.path("requestBody")
			.path("content")
			.path("application/x-www-form-urlencoded")
			.path("schema")
			.path("properties")
			.propertyNames()).as("the token request's form fields")
			.contains("grant_type", "username", "password", "refresh_token");
	}

	@Test
	void documentDoesNotDescribeItselfOrTheErrorEndpoint() {
		JsonNode paths = ServiceContract.assertOpenApiDocument(this.port, DOCUMENT).path("paths");
		assertThat(paths.propertyNames()).allSatisfy((path) -> assertThat(path).startsWith("/api/auth/"))
			.doesNotContain(DOCUMENT);
	}

	@Test
	void unknownPathUnderTheDocumentIsANotFoundProblem() {
		ServiceContract.assertNotFoundProblem(this.port, DOCUMENT + "/nope");
	}

}
