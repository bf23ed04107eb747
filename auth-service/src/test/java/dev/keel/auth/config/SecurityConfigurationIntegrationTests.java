package dev.keel.auth.config;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.MethodSecurityProbe;
import dev.keel.auth.TestAccounts;
import dev.keel.auth.key.SigningKeys;
import dev.keel.auth.token.Principal;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Token validation and role checks inside auth-service. */
@AuthServiceIntegrationTest
class SecurityConfigurationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SigningKeys keys;

	AuthApi api;

	Principal admin;

	@BeforeEach
	void api() {
		this.api = new AuthApi(this.port);
		this.admin = this.accounts.admin();
	}

	@Test
	void rolesFromTheTokenGrantMethodSecuredEndpoints() {
		HttpResponse<String> response = this.api.get(MethodSecurityProbe.PATH,
				bearer(this.api.accessToken(this.admin.email())));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void aDenialByMethodSecurityIsAForbiddenProblem() {
		String userToken = this.api.accessToken(this.accounts.user("user").email());

		HttpResponse<String> response = this.api.get(MethodSecurityProbe.PATH, bearer(userToken));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(body(response).path("code").asString()).isEqualTo("forbidden");
	}

	@Test
	void aTokenSignedByUsIsAcceptedOnlyWithOurIssuerAudienceAndAnUnexpiredExp() {
		assertThat(callWith((claims) -> claims).statusCode()).isEqualTo(200);

		assertRejected(callWith((claims) -> claims.issuer("https://evil.example.com")));
		assertRejected(callWith((claims) -> claims.audience("another-api")));
		assertRejected(callWith((claims) -> claims.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
		assertRejected(callWith((claims) -> claims.expirationTime(null)));
	}

	@Test
	void aTamperedTokenIsRejected() {
		String token = this.api.accessToken(this.admin.email());
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

		assertRejected(this.api.get(MethodSecurityProbe.PATH, bearer(forged)));
	}

	private HttpResponse<String> callWith(UnaryOperator<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080/api/auth")
			.subject(this.admin.subject())
			.audience("keel")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("roles", List.of("admin"));
		return this.api.get(MethodSecurityProbe.PATH, bearer(this.keys.sign(change.apply(claims).build())));
	}

	private static void assertRejected(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
		JsonNode problem = body(response);
		assertThat(problem.path("code").asString()).isEqualTo("unauthorized");
	}

}
