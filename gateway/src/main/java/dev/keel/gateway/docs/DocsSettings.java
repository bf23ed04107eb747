package dev.keel.gateway.docs;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the API documentation, under {@code keel.gateway.docs}.
 *
 * @param enabled whether {@code /docs} is served; without it, it is a 404 like any
 * unknown path
 * @param documents the OpenAPI documents that Swagger UI offers, in this order; the first
 * is shown first
 */
@ConfigurationProperties("keel.gateway.docs")
record DocsSettings(@DefaultValue("true") boolean enabled, @DefaultValue List<Document> documents) {

	/**
	 * One service's OpenAPI document.
	 *
	 * @param name what Swagger UI calls it, such as {@code auth-service}
	 * @param url where the browser fetches it, normally a path the gateway routes to the
	 * service, such as {@code /api/auth/v3/api-docs}
	 */
	record Document(String name, String url) {
	}

}
