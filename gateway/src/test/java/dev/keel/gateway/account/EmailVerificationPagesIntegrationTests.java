package dev.keel.gateway.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.gateway.account.AuthServiceStub.Received;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class EmailVerificationPagesIntegrationTests extends AccountPagesTest {

	@Test
	void linkShowsAConfirmButtonAndSpendsNoToken() {
		String page = get("/account/verify-email?token=tok-123", HttpStatus.OK);
		assertThat(page).contains("<form method=\"post\" action=\"/account/verify-email\">")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-123\">")
			.contains("Confirm my email address");
		this.client.head().uri("/account/verify-email?token=tok-123").exchange().expectStatus().isOk();
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void confirmingSendsTheFormsTokenToAuthServiceAndShowsSuccess() {
		String requestId = this.client.post()
			.uri("/account/verify-email")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("token", "tok-123"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Your email address is confirmed"))
			.returnResult()
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(auth.received()).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("POST");
			assertThat(call.path()).isEqualTo("/api/auth/email/verify");
			assertThat(call.body().path("token").asString()).isEqualTo("tok-123");
			assertThat(call.headers()).containsEntry("x-request-id", requestId).containsKey("traceparent");
		});
	}

	@Test
	void usedOrExpiredLinkExplainsWhatToDoNext() {
		auth.willReject(INVALID_TOKEN);
		String page = submit("/account/verify-email", Map.of("token", "used"), HttpStatus.BAD_REQUEST);
		assertThat(page).contains("This link can no longer be used").contains("sign in").contains("new confirmation");
		assertThat(auth.received()).extracting(Received::path).containsExactly("/api/auth/email/verify");
	}

	@Test
	void linkWithoutTokenIsABadRequestPage() {
		assertThat(get("/account/verify-email", HttpStatus.BAD_REQUEST)).contains("This link is incomplete");
		assertThat(get("/account/verify-email?token=%20", HttpStatus.BAD_REQUEST)).contains("This link is incomplete");
		submit("/account/verify-email", Map.of(), HttpStatus.BAD_REQUEST);
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void hostileTokenIsEscaped() {
		String hostile = "\"><script>alert(1)</script>";
		String page = get("/account/verify-email?token=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8),
				HttpStatus.OK);
		assertThat(page).doesNotContain(hostile).contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
		// Submitted back, it reaches auth-service as the same text.
		auth.willReject(INVALID_TOKEN);
		submit("/account/verify-email", Map.of("token", hostile), HttpStatus.BAD_REQUEST);
		assertThat(auth.received()).singleElement()
			.satisfies((call) -> assertThat(call.body().path("token").asString()).isEqualTo(hostile));
	}

}
