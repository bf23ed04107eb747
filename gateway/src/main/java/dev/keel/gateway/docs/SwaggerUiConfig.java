package dev.keel.gateway.docs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.keel.gateway.docs.DocsSettings.Document;

/**
 * What Swagger UI reads from {@code /docs/swagger-config} when it starts (its
 * {@code configUrl}): the documents to offer, and options that keep it from calling out
 * to third-party hosts.
 *
 * @param urls the documents, each with a {@code name} and a {@code url}
 * @param primaryName the document shown first
 * @param validatorUrl {@code none}: no spec validation badge fetched from swagger.io
 * @param displayRequestDuration show how long each "Try it out" request took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SwaggerUiConfig(List<Document> urls, @JsonProperty("urls.primaryName") String primaryName, String validatorUrl,
		boolean displayRequestDuration) {

	static SwaggerUiConfig of(List<Document> documents) {
		String primary = documents.isEmpty() ? null : documents.getFirst().name();
		return new SwaggerUiConfig(List.copyOf(documents), primary, "none", true);
	}

}
