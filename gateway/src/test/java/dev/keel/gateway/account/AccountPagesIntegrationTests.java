package dev.keel.gateway.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every account page shares: headers, limits, outages, and staying out of routing.
 */
class AccountPagesIntegrationTests extends AccountPagesTest {

	@ParameterizedTest
	@ValueSource(strings = { "/account/verify-email?token=t", "/account/reset-password?token=t",
			"/account/forgot-password", "/account/verify-email" })
	void pagesCarryProtectiveHeaders(String page) {
		this.client.get()
			.uri(page)
			.exchange()
			.expectHeader()
			.valueEquals("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.exists("X-Request-Id");
	}

	@Test
	void answersOfSubmittedFormsCarryProtectiveHeadersToo() {
		this.client.post()
			.uri("/account/verify-email")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("token", "t"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("Cache-Control", "no-store");
	}

	@Test
	void authServiceFailingShowsATryAgainPage() {
		for (int status : List.of(503, 500)) {
			auth.willAnswer(status);
			String page = this.client.post()
				.uri("/account/verify-email")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("token", "t"))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(page).contains("try again");
		}
	}

	@Test
	void tooManyAttemptsShowsAWaitPage() {
		auth.willAnswer(429, "", Map.of("Retry-After", "42"));
		this.client.post()
			.uri("/account/forgot-password")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("email", "ada@example.com"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals("Retry-After", "42")
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Too many attempts"));
	}

	@Test
	void oversizedFormIsRefusedUnread() {
		submit("/account/verify-email", Map.of("token", "t".repeat(9000)), HttpStatus.CONTENT_TOO_LARGE);
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void onlyFormsAreAccepted() {
		this.client.post()
			.uri("/account/verify-email")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"token\":\"t\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void aContentTypeWithAnUnknownCharsetIsUnsupportedNotAnError() throws Exception {
		// sent with the JDK's client: WebClient itself refuses to send such a header
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/account/forgot-password"))
				.header("Content-Type", "application/x-www-form-urlencoded; charset=latin-7")
				.POST(BodyPublishers.ofString("email=a%40b.c"))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void otherAccountPathsAreNotServedOrRouted() {
		this.client.get()
			.uri("/account/delete-everything")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// Only GET, HEAD and POST are open without a token.
		this.client.put()
			.uri("/account/verify-email")
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(auth.received()).isEmpty();
	}

}
