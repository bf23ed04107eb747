package dev.keel.gateway.edge;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.keel.gateway.Backend;
import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account pages that security emails link to are auth-service's: the gateway routes
 * {@code /account/**} there like any other route, without a token, for GET, HEAD and POST
 * only, and adds its edge headers without overriding the pages' own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "management.server.port=0" })
class AccountRouteIntegrationTests {

	static final Backend auth = Backend.start("auth-1");

	static final GatewayTokens tokens = GatewayTokens.start();

	@DynamicPropertySource
	static void authService(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri", auth::uri);
		tokens.register(registry);
	}

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void linksFromEmailsReachAuthServiceWithoutAToken() {
		EntityExchangeResult<Echo> result = this.client.get()
			.uri("/account/verify-email?token=tok-123")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody(Echo.class)
			.returnResult();
		Echo echo = result.getResponseBody();
		assertThat(echo.backend()).isEqualTo("auth-1");
		assertThat(echo.path()).isEqualTo("/account/verify-email");
		assertThat(echo.rawQuery()).isEqualTo("token=tok-123");
		assertThat(echo.headers()).containsEntry("x-request-id", result.getResponseHeaders().getFirst("X-Request-Id"))
			.containsKey("traceparent");
		this.client.head().uri("/account/reset-password?token=tok-456").exchange().expectStatus().isOk();
	}

	@Test
	void submittedFormsReachAuthServiceAsSent() {
		Echo echo = this.client.post()
			.uri("/account/forgot-password")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("email", "ada@example.com"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.method()).isEqualTo("POST");
		assertThat(echo.path()).isEqualTo("/account/forgot-password");
		assertThat(echo.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
		assertThat(echo.bodyLength()).isEqualTo("email=ada%40example.com".length());
	}

	@Test
	void otherMethodsAreNotRouted() {
		int before = auth.requests();
		// Only GET, HEAD and POST are open without a token, and only they are routed.
		this.client.put()
			.uri("/account/verify-email")
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.delete().uri("/account/verify-email").exchange().expectStatus().isUnauthorized();
		assertThat(auth.requests()).isEqualTo(before);
	}

	@Test
	void pagesKeepTheirOwnContentSecurityPolicyAndGetTheMissingHeaders() {
		HttpHeaders headers = this.client.get()
			.uri("/account/with-own-headers")
			.exchange()
			.returnResult(byte[].class)
			.getResponseHeaders();
		assertThat(headers.get("Content-Security-Policy")).containsExactly("sandbox");
		assertThat(headers.get("X-Frame-Options")).containsExactly("SAMEORIGIN");
		assertThat(headers.get("X-Content-Type-Options")).isEqualTo(List.of("nosniff"));
		assertThat(headers.get("Referrer-Policy")).containsExactly("no-referrer");
	}

}
