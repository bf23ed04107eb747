package dev.keel.auth.token;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.TestAccounts;

import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceIntegrationTest
class TokenEndpointIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	AuthApi api;

	@BeforeEach
	void api() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void passwordGrantWithAFormBodyIssuesAnAccessAndARefreshToken() {
		Principal user = this.accounts.user("user", "editor");

		HttpResponse<String> response = this.api.passwordGrant(user.email(), TestAccounts.PASSWORD);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode body = body(response);
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.path("expires_in").asLong()).isEqualTo(900);
		assertThat(body.path("refresh_token").asString()).hasSize(43);
		JWTClaimsSet claims = AuthApi.claims(body.path("access_token").asString());
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080/api/auth");
		assertThat(claims.getSubject()).isEqualTo(user.subject());
		assertThat(claims.getAudience()).containsExactly("keel");
		assertThat(claims.getClaim("email")).isEqualTo(user.email());
		assertThat(claims.getClaim("roles")).isEqualTo(java.util.List.of("user", "editor"));
		assertThat(claims.getClaim("sid")).isNotNull();
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void passwordGrantAcceptsAJsonBody() {
		Principal user = this.accounts.user("user");

		HttpResponse<String> response = this.api.postJson("/api/auth/token",
				Map.of("grant_type", "password", "username", user.email(), "password", TestAccounts.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response).path("refresh_token").isString()).isTrue();
	}

	@Test
	void aWrongPasswordIsAnInvalidGrantInRfc6749Format() {
		Principal user = this.accounts.user("user");

		HttpResponse<String> response = this.api.passwordGrant(user.email(), "wrong password");

		assertOAuthError(response, 400, "invalid_grant");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(this.api.passwordGrant("nobody@example.com", TestAccounts.PASSWORD).body())
			.as("an unknown email looks the same")
			.isEqualTo(response.body());
	}

	@Test
	void aThrottledLoginIsTooManyRequestsWithRetryAfter() {
		Principal user = this.accounts.user("user");
		this.accounts.throttle(user.subject(), Duration.ofMillis(61_500));

		HttpResponse<String> response = this.api.passwordGrant(user.email(), TestAccounts.PASSWORD);

		assertOAuthError(response, 429, "rate_limited");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("62");
	}

	@Test
	void aMissingGrantTypeIsAnInvalidRequest() {
		assertOAuthError(this.api.postForm("/api/auth/token", form("username", "a@example.com")), 400,
				"invalid_request");
	}

	@Test
	void anUnknownGrantTypeIsUnsupported() {
		assertOAuthError(this.api.postForm("/api/auth/token", form("grant_type", "implicit")), 400,
				"unsupported_grant_type");
	}

	@Test
	void aPasswordGrantWithoutPasswordIsAnInvalidRequest() {
		assertOAuthError(this.api.postForm("/api/auth/token", form("grant_type", "password", "username", "a@b.c")), 400,
				"invalid_request");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			application/json                  | {not json
			application/json                  | ["grant_type", "password"]
			application/json                  | {"grant_type": 5}
			application/json                  | {"grant_type": {"nested": true}}
			application/json                  | ''
			text/plain                        | grant_type=password
			application/xml                   | <grant_type>password</grant_type>
			NONE                              | grant_type=password
			not a media type                  | grant_type=password
			application/x-www-form-urlencoded | grant_type=password&grant_type=refresh_token
			application/x-www-form-urlencoded | %%%zz=&&==
			""")
	void garbageIsAnInvalidRequestNeverAServerError(String contentType, String body) {
		assertOAuthError(this.api.post("/api/auth/token", contentType, body), 400, "invalid_request");
	}

	@Test
	void anotherMethodOnTheTokenEndpointIsAProblemNotAServerError() {
		HttpResponse<String> response = this.api.get("/api/auth/token");

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void aStaleBearerTokenSentAlongDoesNotBlockTheTokenEndpoint() {
		Principal user = this.accounts.user("user");

		HttpResponse<String> response = this.api.postForm("/api/auth/token",
				form("grant_type", "password", "username", user.email(), "password", TestAccounts.PASSWORD),
				AuthApi.bearer("expired.or.garbage"));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void anAccessTokenVerifiesWithAStandardJoseLibraryReadingOnlyTheJwks() {
		Principal user = this.accounts.user("user");
		String accessToken = this.api.accessToken(user.email());

		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.api.url("/api/auth/.well-known/jwks.json"))
			.build();
		decoder.setJwtValidator(
				JwtValidators.createDefaultWithValidators(java.util.List.of(new JwtAudienceValidator("keel"))));
		Jwt jwt = decoder.decode(accessToken);

		assertThat(jwt.getSubject()).isEqualTo(user.subject());
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
	}

	static void assertOAuthError(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = body(response);
		assertThat(body.path("error").asString()).isEqualTo(error);
		assertThat(body.path("error_description").asString()).isNotBlank();
	}

}
