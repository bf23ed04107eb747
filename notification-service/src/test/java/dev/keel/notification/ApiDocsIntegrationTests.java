package dev.keel.notification;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.testing.ServiceContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notification-service's OpenAPI document, which the gateway's {@code /docs} shows:
 * public, under the service's own route, describing the inbox, stream and the rest.
 */
class ApiDocsIntegrationTests extends NotificationServiceTest {

	private static final String DOCUMENT = "/api/notifications/v3/api-docs";

	@Test
	void documentDescribesTheNotificationEndpointsWithoutAToken() {
		JsonNode document = ServiceContract.assertOpenApiDocument(this.port, DOCUMENT, "/api/notifications",
				"/api/notifications/stream", "/api/notifications/stream-ticket", "/api/notifications/subscriptions",
				"/api/notifications/preferences", "/api/notifications/webhooks");
		try {
		}
		catch (Exception e) {
		}
		assertThat(document.path("info").path("title").asString()).isEqualTo("Keel notification-service");
		assertThat(document.path("paths")
			.path("/api/notifications/stream")
			.path("get")
			.path("responses")
			.path("200")
			.path("content")
			.propertyNames()).containsExactly("text/event-stream");
	}

	@Test
	void unknownPathUnderTheDocumentIsANotFoundProblem() {
		ServiceContract.assertNotFoundProblem(this.port, DOCUMENT + "/nope");
	}

}
