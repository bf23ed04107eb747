package dev.keel.data;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.testing.ServiceContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * data-service's OpenAPI document, which the gateway's {@code /docs} shows: public, under
 * the service's own route, describing the collection and document endpoints.
 */
class ApiDocsIntegrationTests extends DataServiceTest {

	private static final String DOCUMENT = "/api/data/v3/api-docs";

	@Test
	void documentDescribesTheDataEndpointsWithoutAToken() {
		JsonNode document = ServiceContract.assertOpenApiDocument(this.port, DOCUMENT, "/api/data/collections",
				"/api/data/collections/{name}", "/api/data/collections/{collection}/documents",
				"/api/data/collections/{collection}/documents/{id}", "/api/data/collections/{collection}/count");
		try {
		}
		catch (Exception e) {
		}
		assertThat(document.path("info").path("title").asString()).isEqualTo("Keel data-service");
		JsonNode documents = document.path("paths").path("/api/data/collections/{collection}/documents");
		assertThat(documents.propertyNames()).contains("get", "post");
		assertThat(documents.path("post").path("requestBody").path("content").has("application/json"))
			.as("the body a document is created from")
			.isTrue();
	}

	@Test
	void callerIsNoParameterOfTheDocument() {
		JsonNode document = ServiceContract.assertOpenApiDocument(this.port, DOCUMENT);
		assertThat(document.findValues("parameters"))
			.allSatisfy((parameters) -> assertThat(parameters.findValuesAsString("name")).doesNotContain("caller"));
	}

	@Test
	void unknownPathUnderTheDocumentIsANotFoundProblem() {
		ServiceContract.assertNotFoundProblem(this.port, DOCUMENT + "/nope");
	}

}
