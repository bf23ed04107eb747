package dev.keel.gateway.edge;

import org.junit.jupiter.api.Test;

import dev.keel.gateway.GatewayTestSupport;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The account pages while auth-service's only instance refuses connections: like any
 * route, the breaker's fallback answers 503 with {@code Retry-After}, and nothing was
 * changed.
 */
class AccountRouteOutageIntegrationTests extends GatewayTestSupport {

	@Test
	void unreachableAuthServiceAnswersTryAgainLater() {
		this.client.post()
			.uri("/account/reset-password")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("token", "t")
				.with("password", "a brand new passphrase")
				.with("confirm", "a brand new passphrase"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("service_unavailable");
	}

}
