package dev.keel.gateway.ratelimit;

import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local limiter, with small limits. Each test is its own client IP (see
 * {@link Clients}); a test-only filter stands in for the edge's token check and sets the
 * token subject from a {@code Test-Subject} header.
 */
@TestPropertySource(properties = { "keel.gateway.rate-limits.auth=3/1m", "keel.gateway.rate-limits.user=4/1m",
		"keel.gateway.rate-limits.anonymous=5/1m" })
@Import(RateLimitIntegrationTests.SubjectFromHeader.class)
class RateLimitIntegrationTests extends GatewayTestSupport {

	@LocalServerPort
	private int port;

	@Test
	void anonymousRequestsGet429WithRetryAfterOncePerIpLimitIsSpent() {
		WebTestClient client = Clients.from("127.0.0.11", this.port);
		for (int remaining = 4; remaining >= 0; remaining--) {
			client.get()
				.uri("/api/data/things")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Limit", "5")
				.expectHeader()
				.valueEquals("RateLimit-Remaining", Integer.toString(remaining))
				.expectHeader()
				.value("RateLimit-Reset", (reset) -> assertThat(Long.parseLong(reset)).isBetween(1L, 60L));
		}
		int served = dataServiceRequests();
		client.get()
			.uri("/api/data/things")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			// One request every 12 seconds refills a bucket of 5 per minute.
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 12L))
			.expectHeader()
			.valueEquals("RateLimit-Limit", "5")
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "0")
			.expectHeader()
			.exists("RateLimit-Reset")
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.code")
			.isEqualTo("rate_limited")
			.jsonPath("$.instance")
			.isEqualTo("/api/data/things")
			.jsonPath("$.traceId")
			.exists();
		assertThat(dataServiceRequests()).as("the refused request never reaches the service").isEqualTo(served);

		Clients.from("127.0.0.12", this.port).get().uri("/api/data/things").exchange().expectStatus().isOk();
	}

	@Test
	void authEndpointsShareOneSmallerLimitPerIpWhoeverCalls() {
		WebTestClient client = Clients.from("127.0.0.21", this.port);
		// auth-service refuses connections in these tests: 503, yet each attempt counts.
		post(client, "/api/auth/token", null).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("RateLimit-Limit", "3")
			.expectHeader()
			.valueEquals("RateLimit-Remaining", "2");
		post(client, "/api/auth/signup", null).expectHeader().valueEquals("RateLimit-Remaining", "1");
		post(client, "/api/auth/password/forgot", null).expectHeader().valueEquals("RateLimit-Remaining", "0");

		post(client, "/api/auth/token", null).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// a variant of the path counts too (with a token: without one, the edge refuses
		// it first)
		client.post()
			.uri("/api//auth/signup/")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		post(client, "/account/forgot-password", "alice").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("rate_limited");

		client.get()
			.uri("/api/data/things")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Limit", "5");
		post(Clients.from("127.0.0.22", this.port), "/api/auth/token", null).expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void forwardedForIsIgnoredWithoutTrustedProxies() {
		WebTestClient client = Clients.from("127.0.0.41", this.port);
		for (int remaining = 2; remaining >= 0; remaining--) {
			forwardedFor(client, "198.51.100.1" + remaining).expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("RateLimit-Remaining", Integer.toString(remaining));
		}
		forwardedFor(client, "198.51.100.99").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void authenticatedRequestsAreLimitedPerTokenSubjectFromAnyIp() {
		WebTestClient client = Clients.from("127.0.0.31", this.port);
		for (int remaining = 3; remaining >= 0; remaining--) {
			get(client, "alice").expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Limit", "4")
				.expectHeader()
				.valueEquals("RateLimit-Remaining", Integer.toString(remaining));
		}
		get(client, "alice").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		get(Clients.from("127.0.0.32", this.port), "alice").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		get(client, "bob").expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "3");
		get(client, null).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "4");
	}

	@Test
	void healthReportsTheLocalLimiterAndIsNotLimited() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + managementPort)
			.build()
			.get()
			.uri("/actuator/health/rateLimits")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("RateLimit-Limit")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details.limiter")
			.isEqualTo("local")
			.jsonPath("$.details.anonymous")
			.isEqualTo("5/1m");
	}

	private static WebTestClient.ResponseSpec get(WebTestClient client, String subject) {
		return client.get()
			.uri("/api/data/things")
			.headers((headers) -> headers.addAll(subjectHeader(subject)))
			.exchange();
	}

	private static WebTestClient.ResponseSpec forwardedFor(WebTestClient client, String forwardedFor) {
		return client.post()
			.uri("/api/auth/token")
			.header("X-Forwarded-For", forwardedFor)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange();
	}

	private static WebTestClient.ResponseSpec post(WebTestClient client, String path, String subject) {
		return client.post()
			.uri(path)
			.headers((headers) -> headers.addAll(subjectHeader(subject)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange();
	}

	private static HttpHeaders subjectHeader(String subject) {
		HttpHeaders headers = new HttpHeaders();
		if (subject != null) {
			headers.set(SubjectFromHeader.HEADER, subject);
		}
		return headers;
	}

	/**
	 * Stands in for the edge's token check: a request "with a valid token" for subject
	 * {@code x} is one with {@code Test-Subject: x}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SubjectFromHeader {

		static final String HEADER = "Test-Subject";

		@Bean
		WebFilter testSubjectFilter() {
			return new OrderedSubjectFilter();
		}

		private static final class OrderedSubjectFilter implements WebFilter, Ordered {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
				String subject = exchange.getRequest().getHeaders().getFirst(HEADER);
				if (subject != null) {
					exchange.getAttributes().put(RateLimitPolicy.SUBJECT_ATTRIBUTE, subject);
				}
				return chain.filter(exchange);
			}

			@Override
			public int getOrder() {
				return RateLimitFilter.ORDER - 10;
			}

		}

	}

}
