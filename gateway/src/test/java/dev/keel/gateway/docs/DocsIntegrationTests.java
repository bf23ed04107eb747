package dev.keel.gateway.docs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /docs}: Swagger UI, served by the gateway itself, listing the four services'
 * documents, which the browser then fetches through the ordinary routes.
 */
class DocsIntegrationTests extends GatewayTestSupport {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/docs/[^\"]+)\"");

	@ParameterizedTest
	@ValueSource(strings = { "/docs", "/docs/", "/docs/index.html" })
	void docsAnswerSwaggerUi(String path) {
		int before = dataServiceRequests();
		String page = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals("Content-Security-Policy", DocsPage.CONTENT_SECURITY_POLICY)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<div id=\"swagger-ui\"></div>", "swagger-ui-bundle.js");
		assertThat(dataServiceRequests()).as("nothing routed to a service").isEqualTo(before);
	}

	@Test
	void everyFileThePageLoadsIsServed() {
		String page = this.client.get()
			.uri("/docs")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher assets = ASSET.matcher(page);
		int count = 0;
		while (assets.find()) {
			String asset = assets.group(1);
			this.client.get()
				.uri(asset)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value("Content-Type", (type) -> assertThat(type).as(asset).matches(expectedType(asset)));
			count++;
		}
		assertThat(count).as("stylesheets, icon and scripts").isEqualTo(6);
	}

	@Test
	void swaggerUiIsConfiguredWithTheFourServicesDocuments() {
		this.client.get()
			.uri("/docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.urls[*].name")
			.isEqualTo(List.of("auth-service", "data-service", "notification-service", "storage-service"))
			.jsonPath("$.urls[*].url")
			.isEqualTo(List.of("/api/auth/v3/api-docs", "/api/data/v3/api-docs", "/api/notifications/v3/api-docs",
					"/api/storage/v3/api-docs"))
			.jsonPath("$['urls.primaryName']")
			.isEqualTo("auth-service");
	}

	@Test
	void initializerStartsSwaggerUiFromTheConfig() {
		String script = this.client.get()
			.uri(DocsRoutes.INITIALIZER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/javascript")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(script).contains("SwaggerUIBundle(", "configUrl: '/docs/swagger-config'");
	}

	@Test
	void storageServicesDocumentIsFetchedThroughItsRouteWithoutAToken() {
		this.client.get()
			.uri("/api/storage/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.value((echo) -> {
				assertThat(echo.backend()).isEqualTo("storage-1");
				assertThat(echo.path()).isEqualTo("/api/storage/v3/api-docs");
			});
	}

	@Test
	void documentsAreFetchedThroughTheServicesRoutes() {
		this.client.get()
			.uri("/api/data/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.value((echo) -> assertThat(echo.path()).isEqualTo("/api/data/v3/api-docs"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/docs/nope", "/docs/swagger-ui/nope.js", "/docs/swagger-ui/0.0.0/swagger-ui.css",
			"/webjars/swagger-ui/index.html" })
	void otherPathsAreNotFoundProblems(String path) {
		// with a token: outside /docs, the edge answers a request without one with 401
		// first
		this.client.get()
			.uri(path)
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("not_found");
	}

	@Test
	void docsAreReadOnly() {
		this.client.post()
			.uri("/docs")
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String expectedType(String asset) {
		if (asset.endsWith(".js")) {
			return "(text|application)/javascript.*";
		}
		return asset.endsWith(".css") ? "text/css.*" : "image/png";
	}

}
