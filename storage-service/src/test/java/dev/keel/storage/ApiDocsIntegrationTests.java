package dev.keel.storage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.testing.ServiceContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * storage-service's OpenAPI document, which the gateway's {@code /docs} shows: public,
 * under the service's own route, describing buckets, objects, downloads and signed URLs.
 */
class ApiDocsIntegrationTests extends StorageServiceTest {

	private static final String DOCUMENT = "/api/storage/v3/api-docs";

	@Test
	void documentDescribesTheStorageEndpointsWithoutAToken() {
		JsonNode document = ServiceContract.assertOpenApiDocument(this.port, DOCUMENT, "/api/storage/buckets",
				"/api/storage/buckets/{name}", "/api/storage/buckets/{bucket}/objects",
				"/api/storage/buckets/{bucket}/objects/{id}", "/api/storage/buckets/{bucket}/objects/{id}/content",
				"/api/storage/buckets/{bucket}/objects/{id}/signed-url", "/api/storage/buckets/{bucket}/uploads",
				"/api/storage/buckets/{bucket}/uploads/{id}");

		assertThat(document.path("info").path("title").asString()).isEqualTo("Keel storage-service");
		assertThat(document.path("paths")
			.path("/api/storage/buckets/{bucket}/objects")
			.path("post")
			.path("requestBody")
			.path("content")
			.propertyNames()).contains("multipart/form-data", "application/octet-stream");
	}

}
