package dev.keel.gateway.account;

import org.junit.jupiter.api.Test;

import dev.keel.gateway.GatewayTestSupport;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages while auth-service's only instance refuses connections. */
class AccountPagesOutageIntegrationTests extends GatewayTestSupport {

	@Test
	void unreachableAuthServiceShowsATryAgainPage() {
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
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Please try again shortly").contains("Nothing was changed"));
	}

}
