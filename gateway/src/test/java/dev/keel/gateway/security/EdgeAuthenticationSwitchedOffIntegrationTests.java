package dev.keel.gateway.security;

import org.junit.jupiter.api.Test;

import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's mode, {@code keel.gateway.security.validate-tokens=false}: no token is
 * checked at the edge (the services would still refuse a bad one), but platform headers
 * are still stripped.
 */
@TestPropertySource(properties = "keel.gateway.security.validate-tokens=false")
class EdgeAuthenticationSwitchedOffIntegrationTests extends GatewayTestSupport {

	@Test
	void forgedTokenGoesThroughUnchecked() {
		String forged = "Bearer " + tokens.tokens().forged(tokens.tokens().claims("mallory").build());
		Echo echo = this.client.post()
			.uri("/api/data/things")
			.header(HttpHeaders.AUTHORIZATION, forged)
			.header("X-User-Id", "admin")
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers()).containsEntry("authorization", forged).doesNotContainKey("x-user-id");
	}

	@Test
	void anonymousWritesGoThrough() {
		this.client.post().uri("/api/data/things").bodyValue("{}").exchange().expectStatus().isOk();
	}

}
