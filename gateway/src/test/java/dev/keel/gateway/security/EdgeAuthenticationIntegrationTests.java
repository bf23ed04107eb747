package dev.keel.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.RSAKey;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;
import dev.keel.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token checks at the gateway, in front of two data-service instances that count
 * requests.
 */
class EdgeAuthenticationIntegrationTests extends GatewayTestSupport {

	private static final Map<String, String> REASONS = Map.of("alg none", "algorithm", "forged signature", "signature",
			"HS256 with the public key", "algorithm", "wrong issuer", "issuer", "wrong audience", "audience", "expired",
			"expired");

	@Autowired
	MeterRegistry meters;

	@Autowired
	RouteDefinitionWriter routeWriter;

	@Autowired
	ApplicationEventPublisher events;

	static Stream<Arguments> invalidTokens() {
		Stream<Arguments> minted = tokens.tokens()
			.invalidTokens("mallory")
			.entrySet()
			.stream()
			.map((invalid) -> Arguments.of(invalid.getKey(), invalid.getValue(), REASONS.get(invalid.getKey())));
		return Stream.concat(minted, Stream.of(Arguments.of("not a JWT", "not.a.token", "malformed")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTokens")
	void invalidTokenIsRefusedBeforeAnyServiceSeesIt(String description, String token, String reason) {
		int requestsBefore = dataServiceRequests();
		double rejectedBefore = rejected(reason);
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
			this.client.method(method)
				.uri("/api/data/collections/tasks/documents")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE,
						(challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("invalid_token")
				.jsonPath("$.status")
				.isEqualTo(401)
				.jsonPath("$.instance")
				.isEqualTo("/api/data/collections/tasks/documents");
		}
		assertThat(dataServiceRequests()).as("requests that reached data-service").isEqualTo(requestsBefore);
		assertThat(rejected(reason)).isEqualTo(rejectedBefore + 2);
	}

	@Test
	void validTokenReachesTheServiceWithItsAuthorizationHeader() {
		String bearer = tokens.bearer("alice");
		Echo echo = post("/api/data/collections/tasks/documents", bearer).expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers()).containsEntry("authorization", bearer);
	}

	@Test
	void platformHeadersFromClientsNeverReachTheService() {
		Map<String, String> sent = Map.of("X-User-Id", "admin", "X-Forwarded-User", "admin", "x-user-roles", "admin",
				"X-Keel-Internal", "yes", "X-Authenticated-Subject", "admin", "X-Custom", "kept");
		for (String bearer : new String[] { tokens.bearer("alice"), null }) {
			Echo echo = this.client.get().uri("/api/data/things").headers((headers) -> {
				sent.forEach(headers::set);
				if (bearer != null) {
					headers.set(HttpHeaders.AUTHORIZATION, bearer);
				}
			}).exchange().expectStatus().isOk().expectBody(Echo.class).returnResult().getResponseBody();
			assertThat(echo.headers()).containsEntry("x-custom", "kept")
				.doesNotContainKeys("x-user-id", "x-forwarded-user", "x-user-roles", "x-keel-internal",
						"x-authenticated-subject");
		}
	}

	@Test
	void tokenSignedWithAKeyRotatedInJustNowIsAccepted() {
		String before = tokens.bearer("alice");
		post("/api/data/things", before).expectStatus().isOk();
		RSAKey rotated = tokens.tokens().rotate();
		String after = "Bearer " + TestTokens.signWith(rotated, tokens.tokens().claims("alice").build());
		post("/api/data/things", after).expectStatus().isOk();
		post("/api/data/things", before).expectStatus().isOk();
	}

	@Test
	void anonymousWritesAreRefusedAtTheGateway() {
		int requestsBefore = dataServiceRequests();
		double rejectedBefore = rejected("missing");
		for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
			// defining or deleting a collection; document writes are data-service's to
			// decide
			this.client.method(method)
				.uri("/api/data/collections/tasks")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("unauthorized");
		}
		assertThat(dataServiceRequests()).isEqualTo(requestsBefore);
		assertThat(rejected("missing")).isEqualTo(rejectedBefore + 4);
	}

	@Test
	void otherSchemesCountAsNoToken() {
		this.client.post()
			.uri("/api/data/things")
			.header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpzZWNyZXQ=")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void anonymousReadsOfDataPass() {
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
			this.client.method(method).uri("/api/data/collections/news/documents").exchange().expectStatus().isOk();
		}
	}

	@Test
	void anonymousSignupPassesTheGateway() {
		// auth-service's only instance refuses connections here: the 503 comes from
		// routing.
		this.client.post()
			.uri("/api/auth/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@example.test\",\"password\":\"a long passphrase\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("auth-service"));
	}

	@Test
	void anonymousRequestsElsewhereAreRefused() {
		for (String path : List.of("/api/auth/me", "/api/notifications", "/api/notifications/inbox")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("unauthorized");
		}
	}

	@Test
	void unknownRoutesAnswerNotFoundWithOrWithoutAToken() {
		String[] authorizations = { null, tokens.bearer("alice"), "Bearer not.a.token",
				"Bearer " + tokens.tokens().invalidTokens("mallory").get("expired") };
		for (String path : List.of("/api/nope", "/", "/api", "/nope/api/data/things")) {
			for (String authorization : authorizations) {
				this.client.get().uri(path).headers((headers) -> {
					if (authorization != null) {
						headers.set(HttpHeaders.AUTHORIZATION, authorization);
					}
				})
					.exchange()
					.expectStatus()
					.isNotFound()
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectHeader()
					.doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
					.expectBody()
					.jsonPath("$.code")
					.isEqualTo("not_found")
					.jsonPath("$.title")
					.isEqualTo("Not Found")
					.jsonPath("$.instance")
					.isEqualTo(path)
					.jsonPath("$.traceId")
					.isNotEmpty();
			}
		}
	}

	@Test
	void knownRouteWithABadTokenIsStillUnauthorized() {
		this.client.get()
			.uri("/api/data/collections/x")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_token");
	}

	@Test
	void routeAddedAtRunTimeIsKnownAfterTheRefresh() {
		RouteDefinition extra = new RouteDefinition("extra=lb://data-service,Path=/api/extra/**");
		try {
			this.routeWriter.save(Mono.just(extra)).block();
			this.events.publishEvent(new RefreshRoutesEvent(this));
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> this.client.get().uri("/api/extra/things").exchange().expectStatus().isUnauthorized());
			this.client.get().uri("/api/extra/things").headers(tokens::authorize).exchange().expectStatus().isOk();
		}
		finally {
			this.routeWriter.delete(Mono.just("extra")).block();
			this.events.publishEvent(new RefreshRoutesEvent(this));
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.client.get().uri("/api/extra/things").exchange().expectStatus().isNotFound());
	}

	@Test
	void validTokenMayUseRoutesThatNeedNone() {
		this.client.get()
			.uri("/api/data/things")
			.header(HttpHeaders.AUTHORIZATION, tokens.bearer("alice"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private ResponseSpec post(String path, String authorization) {
		return this.client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"x\"}")
			.exchange();
	}

	private double rejected(String reason) {
		return this.meters.get(TokenRejections.METRIC).tag("reason", reason).counter().count();
	}

}
