package dev.keel.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.testing.JwksServer;
import dev.keel.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer-token security of a servlet service, over real HTTP against a real JWKS. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "keel.security.public-paths=/public/**, GET /catalog", "keel.security.load-balanced=false" })
class KeelSecurityIntegrationTests {

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.issuer", tokens::issuer);
	}

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void validTokenBringsTheCallerToTheController() throws Exception {
		HttpResponse<String> response = send(get("/me", tokens.token("user-1", "editor")));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode caller = json.readTree(response.body());
		assertThat(caller.path("subject").asString()).isEqualTo("user-1");
		assertThat(caller.path("roles").valueStream().map(JsonNode::asString)).containsExactly("editor");
		assertThat(caller.path("email").asString()).isEqualTo("user-1@example.test");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void postNeedsNoCsrfToken() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/me/greetings"))
			.header("Authorization", "Bearer " + tokens.token("user-2"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"text\":\"hi\"}"))
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("text").asString()).isEqualTo("hi from user-2");
	}

	@Test
	void missingTokenIsUnauthorizedProblemWithBareChallenge() throws Exception {
		HttpResponse<String> response = send(get("/me", null));
		assertProblem(response, 401, "unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void unsignedTokenIsRejected() throws Exception {
		assertRejected(tokens.unsigned(tokens.claims("user-1", "admin").build()));
	}

	@Test
	void forgedSignatureIsRejected() throws Exception {
		assertRejected(tokens.forged(tokens.claims("user-1", "admin").build()));
	}

	@Test
	void hmacTokenKeyedWithThePublicKeyIsRejected() throws Exception {
		assertRejected(tokens.hmacWithPublicKey(tokens.claims("user-1", "admin").build()));
	}

	@Test
	void wrongIssuerIsRejected() throws Exception {
		assertRejected(tokens.sign(tokens.claims("user-1").issuer("https://evil.example/api/auth").build()));
	}

	@Test
	void wrongAudienceIsRejected() throws Exception {
		assertRejected(tokens.sign(tokens.claims("user-1").audience("another-app").build()));
	}

	@Test
	void expiredTokenIsRejected() throws Exception {
		HttpResponse<String> response = assertRejected(tokens.sign(tokens.expired("user-1").build()));
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("expired");
	}

	@Test
	void tokenExpiredWithinTheClockSkewIsAccepted() throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = tokens.claims("user-1")
			.issueTime(Date.from(now.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(now.minus(Duration.ofSeconds(10))))
			.build();
		assertThat(send(get("/me", tokens.sign(claims))).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWithoutIssuedAtIsRejected() throws Exception {
		assertRejected(tokens.sign(tokens.claims("user-1").issueTime(null).build()));
	}

	@Test
	void tokenIssuedInTheFutureIsRejected() throws Exception {
		Instant later = Instant.now().plus(Duration.ofMinutes(10));
		assertRejected(tokens.sign(tokens.claims("user-1")
			.issueTime(Date.from(later))
			.expirationTime(Date.from(later.plus(Duration.ofMinutes(5))))
			.build()));
	}

	@Test
	void tokenWithoutExpiryIsRejected() throws Exception {
		assertRejected(tokens.sign(tokens.claims("user-1").expirationTime(null).build()));
	}

	@Test
	void malformedTokenIsRejected() throws Exception {
		assertRejected("not-a-jwt");
	}

	@Test
	void keySetIsCachedBetweenRequests() throws Exception {
		assertThat(send(get("/me", tokens.token("user-1"))).statusCode()).isEqualTo(200);
		int fetches = jwks.fetches();
		assertThat(send(get("/me", tokens.token("user-2"))).statusCode()).isEqualTo(200);
		assertThat(send(get("/me", tokens.token("user-3"))).statusCode()).isEqualTo(200);
		assertThat(jwks.fetches()).isEqualTo(fetches);
	}

	@Test
	void unknownKeyIdFetchesTheKeySetAgain() throws Exception {
		assertThat(send(get("/me", tokens.token("user-1"))).statusCode()).isEqualTo(200);
		int fetches = jwks.fetches();
		tokens.rotate();
		HttpResponse<String> response = send(get("/me", tokens.token("user-after-rotation")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("subject").asString()).isEqualTo("user-after-rotation");
		assertThat(jwks.fetches()).isEqualTo(fetches + 1);
		assertThat(send(get("/me", tokens.token("user-2"))).statusCode()).isEqualTo(200);
		assertThat(jwks.fetches()).isEqualTo(fetches + 1);
	}

	@Test
	void tokenOfAKeyThatWasNeverPublishedIsRejected() throws Exception {
		assertRejected(TestTokens.signWith(TestTokens.newKey("never-published"), tokens.claims("user-1").build()));
	}

	@Test
	void unreachableKeySetIsServiceUnavailable() throws Exception {
		String unknownKey = TestTokens.signWith(TestTokens.newKey("while-down"), tokens.claims("user-1").build());
		jwks.unavailable(true);
		try {
			HttpResponse<String> response = send(get("/me", unknownKey));
			assertProblem(response, 503, "service_unavailable");
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		}
		finally {
			jwks.unavailable(false);
		}
	}

	@Test
	void userWithoutAdminRoleIsForbiddenProblem() throws Exception {
		HttpResponse<String> response = send(get("/admin/stats", tokens.token("user-1", "editor")));
		assertProblem(response, 403, "forbidden");
	}

	@Test
	void adminReachesTheAdminEndpoint() throws Exception {
		HttpResponse<String> response = send(get("/admin/stats", tokens.token("boss", "admin")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("text").asString()).isEqualTo("stats for boss, an admin");
	}

	@Test
	void publicPathNeedsNoToken() throws Exception {
		HttpResponse<String> response = send(get("/public/hello", null));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("text").asString()).isEqualTo("hello stranger");
	}

	@Test
	void publicPathCanBeLimitedToOneMethod() throws Exception {
		assertThat(send(get("/catalog", null)).statusCode()).isEqualTo(200);
		HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/catalog"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"text\":\"hi\"}"))
			.build());
		assertProblem(write, 401, "unauthorized");
	}

	@Test
	void publicPathStillKnowsACallerWithAToken() throws Exception {
		HttpResponse<String> response = send(get("/public/hello", tokens.token("user-1")));
		assertThat(json.readTree(response.body()).path("text").asString()).isEqualTo("hello user-1");
	}

	@Test
	void unknownPathIsUnauthorizedBeforeNotFound() throws Exception {
		assertProblem(send(get("/nope", null)), 401, "unauthorized");
		assertProblem(send(get("/nope", tokens.token("user-1"))), 404, "not_found");
	}

	private HttpResponse<String> assertRejected(String token) throws Exception {
		HttpResponse<String> response = send(get("/me", token));
		assertProblem(response, 401, "unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"invalid_token\"");
		return response;
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(problem.path("traceId").asString()).isNotBlank();
		return problem;
	}

	private HttpRequest get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, BodyHandlers.ofString());
	}

}
