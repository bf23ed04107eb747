package dev.keel.auth.token;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.TestAccounts;

import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static dev.keel.auth.token.RefreshTokenIntegrationTests.sid;
import static dev.keel.auth.token.RefreshTokenIntegrationTests.token;
import static dev.keel.auth.token.TokenEndpointIntegrationTests.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** Revocation (RFC 7009), logout and {@link SessionRevocation}. */
@AuthServiceIntegrationTest
class SessionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SessionRevocation sessions;

	AuthApi api;

	Principal user;

	@BeforeEach
	void api() {
		this.api = new AuthApi(this.port);
		this.user = this.accounts.user("user");
	}

	@Test
	void revokingARefreshTokenEndsItsSession() {
		JsonNode login = this.api.login(this.user.email());
		JsonNode refreshed = refresh(login);

		HttpResponse<String> response = this.api.postForm("/api/auth/revoke",
				form("token", token(refreshed), "token_type_hint", "refresh_token"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertOAuthError(this.api.refreshGrant(token(refreshed)), 400, "invalid_grant");
	}

	@Test
	void revokingWithAJsonBodyEndsTheSessionToo() {
		JsonNode login = this.api.login(this.user.email());

		assertThat(this.api.postJson("/api/auth/revoke", Map.of("token", token(login))).statusCode()).isEqualTo(200);

		assertOAuthError(this.api.refreshGrant(token(login)), 400, "invalid_grant");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			application/x-www-form-urlencoded | token=unknown-token
			application/x-www-form-urlencoded | token=
			application/x-www-form-urlencoded | token_type_hint=access_token
			application/json                  | {"token": 42}
			application/json                  | {broken
			text/plain                        | token=abc
			NONE                              | ''
			""")
	void revocationAlwaysAnswers200(String contentType, String body) {
		assertThat(this.api.post("/api/auth/revoke", contentType, body).statusCode()).isEqualTo(200);
	}

	@Test
	void logoutEndsOnlyTheCallersSession() {
		JsonNode laptop = this.api.login(this.user.email());
		JsonNode phone = this.api.login(this.user.email());

		HttpResponse<String> response = this.api.post("/api/auth/logout", null, "",
				AuthApi.bearer(laptop.path("access_token").asString()));

		assertThat(response.statusCode()).isEqualTo(204);
		assertOAuthError(this.api.refreshGrant(token(laptop)), 400, "invalid_grant");
		assertThat(this.api.refreshGrant(token(phone)).statusCode()).isEqualTo(200);
	}

	@Test
	void logoutWithoutAValidTokenIsAnUnauthorizedProblem() {
		for (String[] headers : new String[][] { {}, AuthApi.bearer("garbage") }) {
			HttpResponse<String> response = this.api.post("/api/auth/logout", null, "", headers);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("application/problem+json"));
			JsonNode problem = body(response);
			assertThat(problem.path("status").asInt()).isEqualTo(401);
			assertThat(problem.path("code").asString()).isEqualTo("unauthorized");
			assertThat(problem.path("instance").asString()).isEqualTo("/api/auth/logout");
			assertThat(problem.path("traceId").asString()).isNotBlank();
		}
	}

	@Test
	void revokeAllSessionsEndsEverySessionOfTheUserOnly() {
		JsonNode first = this.api.login(this.user.email());
		JsonNode second = this.api.login(this.user.email());
		Principal other = this.accounts.user("user");
		JsonNode othersSession = this.api.login(other.email());

		this.sessions.revokeAllSessions(this.user.subject());

		assertOAuthError(this.api.refreshGrant(token(first)), 400, "invalid_grant");
		assertOAuthError(this.api.refreshGrant(token(second)), 400, "invalid_grant");
		assertThat(this.api.refreshGrant(token(othersSession)).statusCode()).isEqualTo(200);
	}

	@Test
	void revokeOtherSessionsKeepsTheGivenOne() {
		JsonNode current = this.api.login(this.user.email());
		JsonNode older = this.api.login(this.user.email());

		this.sessions.revokeOtherSessions(this.user.subject(), (String) sid(current));

		assertThat(this.api.refreshGrant(token(current)).statusCode()).isEqualTo(200);
		assertOAuthError(this.api.refreshGrant(token(older)), 400, "invalid_grant");
	}

	private JsonNode refresh(JsonNode pair) {
		HttpResponse<String> response = this.api.refreshGrant(token(pair));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

}
