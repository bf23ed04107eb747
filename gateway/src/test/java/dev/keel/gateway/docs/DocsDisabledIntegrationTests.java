package dev.keel.gateway.docs;

import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** With {@code KEEL_API_DOCS_ENABLED=false}, {@code /docs} is an unknown path. */
@TestPropertySource(properties = "keel.gateway.docs.enabled=false")
class DocsDisabledIntegrationTests extends GatewayTestSupport {

	@Test
	void docsAreNotFound() {
		this.client.get()
			.uri("/docs")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
