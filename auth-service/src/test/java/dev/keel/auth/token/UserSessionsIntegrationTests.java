package dev.keel.auth.token;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.TestAccounts;
import dev.keel.auth.handoff.Pkce;
import dev.keel.auth.handoff.SignInHandoffs;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static dev.keel.auth.token.RefreshTokenIntegrationTests.token;
import static dev.keel.auth.token.TokenEndpointIntegrationTests.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** A user's own sessions, and an admin's view of a user's sessions. */
@AuthServiceIntegrationTest
class UserSessionsIntegrationTests {

	private static final String PHONE = "KeelApp/2.1 (iPhone; iOS 19.1)";

	private static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) Firefox/145.0";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SignInHandoffs handoffs;

	AuthApi api;

	Principal user;

	@BeforeEach
	void api() {
		this.api = new AuthApi(this.port);
		this.user = this.accounts.user("user");
	}

	@Test
	void listsTwoDevicesNewestFirstWithTheCallersMarkedCurrent() throws InterruptedException {
		JsonNode phone = login(this.user, PHONE);
		Thread.sleep(5);
		JsonNode laptop = login(this.user, LAPTOP);

		JsonNode sessions = list(laptop);

		assertThat(sessions).hasSize(2);
		JsonNode newest = sessions.get(0);
		assertThat(newest.path("id").asString()).isEqualTo(sid(laptop));
		assertThat(newest.path("current").asBoolean()).isTrue();
		assertThat(newest.path("userAgent").asString()).isEqualTo(LAPTOP);
		assertThat(newest.path("method").asString()).isEqualTo("password");
		assertThat(newest.path("ip").asString()).isEqualTo("127.0.0.1");
		assertThat(newest.path("createdAt").asString()).isNotBlank();
		JsonNode older = sessions.get(1);
		assertThat(older.path("id").asString()).isEqualTo(sid(phone));
		assertThat(older.path("current").asBoolean()).isFalse();
		assertThat(older.path("userAgent").asString()).isEqualTo(PHONE);
	}

	@Test
	void refreshingMovesLastUsedAtButKeepsTheSession() throws InterruptedException {
		JsonNode login = login(this.user, PHONE);
		Thread.sleep(5);
		JsonNode refreshed = body(this.api.refreshGrant(token(login)));

		JsonNode session = list(refreshed).get(0);

		assertThat(session.path("id").asString()).isEqualTo(sid(login));
		assertThat(session.path("current").asBoolean()).isTrue();
		assertThat(session.path("lastUsedAt").asString()).isGreaterThan(session.path("createdAt").asString());
	}

	@Test
	void endingOneSessionStopsItsRefreshTokenWhileTheOtherKeepsWorking() {
		JsonNode phone = login(this.user, PHONE);
		JsonNode laptop = login(this.user, LAPTOP);

		HttpResponse<String> ended = this.api.delete("/api/auth/me/sessions/" + sid(phone), bearer(access(laptop)));

		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
		assertOAuthError(this.api.refreshGrant(token(phone)), 400, "invalid_grant");
		assertThat(this.api.refreshGrant(token(laptop)).statusCode()).isEqualTo(200);
		assertThat(ids(list(laptop))).containsExactly(sid(laptop));
	}

	@Test
	void endingAllOthersKeepsOnlyTheCurrentSession() {
		JsonNode phone = login(this.user, PHONE);
		JsonNode tablet = login(this.user, "KeelApp/2.1 (iPad)");
		JsonNode laptop = login(this.user, LAPTOP);

		HttpResponse<String> ended = this.api.delete("/api/auth/me/sessions", bearer(access(laptop)));

		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
		assertOAuthError(this.api.refreshGrant(token(phone)), 400, "invalid_grant");
		assertOAuthError(this.api.refreshGrant(token(tablet)), 400, "invalid_grant");
		JsonNode continued = body(this.api.refreshGrant(token(laptop)));
		assertThat(ids(list(continued))).containsExactly(sid(laptop));
	}

	@Test
	void aUserCannotSeeOrEndAnotherUsersSessions() {
		JsonNode victim = login(this.user, PHONE);
		JsonNode other = login(this.accounts.user("user"), LAPTOP);

		assertThat(ids(list(other))).containsExactly(sid(other));
		HttpResponse<String> ended = this.api.delete("/api/auth/me/sessions/" + sid(victim), bearer(access(other)));

		assertThat(ended.statusCode()).isEqualTo(404);
		assertSessionNotFound(ended);
		assertThat(this.api.refreshGrant(token(victim)).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-session", "%20", "..", "%7B%24ne%3A1%7D",
			"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
					+ "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
	void endingAnUnknownSessionIsANotFoundProblem(String id) {
		JsonNode login = login(this.user, PHONE);

		HttpResponse<String> ended = this.api.delete("/api/auth/me/sessions/" + id, bearer(access(login)));

		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(404);
		assertThat(ended.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.api.refreshGrant(token(login)).statusCode()).isEqualTo(200);
	}

	@Test
	void endingAnAlreadyEndedSessionIsANotFoundProblem() {
		JsonNode login = login(this.user, PHONE);
		this.api.delete("/api/auth/me/sessions/" + sid(login), bearer(access(login)));

		HttpResponse<String> again = this.api.delete("/api/auth/me/sessions/" + sid(login), bearer(access(login)));

		assertThat(again.statusCode()).isEqualTo(404);
		assertSessionNotFound(again);
	}

	@Test
	void sessionsNeedAToken() {
		assertThat(this.api.get("/api/auth/me/sessions").statusCode()).isEqualTo(401);
		assertThat(this.api.delete("/api/auth/me/sessions").statusCode()).isEqualTo(401);
	}

	@Test
	void anAdminSeesAndEndsAUsersSessions() {
		JsonNode phone = login(this.user, PHONE);
		JsonNode laptop = login(this.user, LAPTOP);
		String[] admin = bearer(access(login(this.accounts.admin(), "KeelConsole/1.0")));
		String path = "/api/auth/admin/users/" + this.user.subject() + "/sessions";

		HttpResponse<String> listed = this.api.get(path, admin);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(ids(body(listed))).containsExactly(sid(laptop), sid(phone));
		assertThat(body(listed).get(0).path("current").asBoolean()).isFalse();

		assertThat(this.api.delete(path + "/" + sid(phone), admin).statusCode()).isEqualTo(204);
		assertOAuthError(this.api.refreshGrant(token(phone)), 400, "invalid_grant");
		assertThat(ids(body(this.api.get(path, admin)))).containsExactly(sid(laptop));

		assertThat(this.api.delete(path, admin).statusCode()).isEqualTo(204);
		assertOAuthError(this.api.refreshGrant(token(laptop)), 400, "invalid_grant");
		assertThat(body(this.api.get(path, admin))).isEmpty();
	}

	@Test
	void anAdminCannotEndASessionThroughTheWrongUser() {
		JsonNode phone = login(this.user, PHONE);
		String[] admin = bearer(access(login(this.accounts.admin(), "KeelConsole/1.0")));
		String otherUser = this.accounts.user("user").subject();

		HttpResponse<String> ended = this.api.delete("/api/auth/admin/users/" + otherUser + "/sessions/" + sid(phone),
				admin);

		assertThat(ended.statusCode()).isEqualTo(404);
		assertSessionNotFound(ended);
		assertThat(this.api.refreshGrant(token(phone)).statusCode()).isEqualTo(200);
	}

	@Test
	void aUserCannotUseTheAdminSessionRoutes() {
		JsonNode victim = login(this.accounts.user("user"), PHONE);
		String[] user = bearer(access(login(this.user, LAPTOP)));
		String path = "/api/auth/admin/users/" + claims(victim).getSubject() + "/sessions";

		assertThat(this.api.get(path, user).statusCode()).isEqualTo(403);
		assertThat(this.api.delete(path, user).statusCode()).isEqualTo(403);
		assertThat(this.api.refreshGrant(token(victim)).statusCode()).isEqualTo(200);
	}

	@Test
	void recordsTheClientIpTheGatewayResolved() {
		JsonNode login = body(this.api.postForm("/api/auth/token", passwordForm(this.user), "User-Agent", PHONE,
				ClientDevice.CLIENT_IP_HEADER, "203.0.113.7"));

		assertThat(list(login).get(0).path("ip").asString()).isEqualTo("203.0.113.7");
	}

	@Test
	void ignoresAClientIpHeaderThatIsNotAnAddress() {
		JsonNode login = body(this.api.postForm("/api/auth/token", passwordForm(this.user), "User-Agent", PHONE,
				ClientDevice.CLIENT_IP_HEADER, "<script>"));

		assertThat(list(login).get(0).path("ip").asString()).isEqualTo("127.0.0.1");
	}

	@Test
	void keepsAtMost256CharactersOfTheUserAgent() {
		JsonNode login = login(this.user, "A".repeat(5000));

		assertThat(list(login).get(0).path("userAgent").asString()).isEqualTo("A".repeat(256));
	}

	@Test
	void aBrowserSignInRecordsTheMethodItsHandoffCarries() {
		String verifier = "a-pkce-verifier-of-at-least-forty-three-characters";
		String code = this.handoffs.issue(this.user.subject(), "github", Pkce.challenge(verifier),
				AuthServiceIntegrationTest.APP_CALLBACK);

		HttpResponse<String> response = this.api.postForm("/api/auth/token",
				form("grant_type", "authorization_code", "code", code, "code_verifier", verifier), "User-Agent",
				LAPTOP);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

		JsonNode session = list(body(response)).get(0);
		assertThat(session.path("method").asString()).isEqualTo("github");
		assertThat(session.path("userAgent").asString()).isEqualTo(LAPTOP);
	}

	private JsonNode login(Principal principal, String userAgent) {
		HttpResponse<String> response = this.api.postForm("/api/auth/token", passwordForm(principal), "User-Agent",
				userAgent);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

	private static Map<String, String> passwordForm(Principal principal) {
		return form("grant_type", "password", "username", principal.email(), "password", TestAccounts.PASSWORD);
	}

	private JsonNode list(JsonNode tokens) {
		HttpResponse<String> response = this.api.get("/api/auth/me/sessions", bearer(access(tokens)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

	private static List<String> ids(JsonNode sessions) {
		return sessions.valueStream().map((session) -> session.path("id").asString()).toList();
	}

	private static String access(JsonNode tokens) {
		return tokens.path("access_token").asString();
	}

	private static String sid(JsonNode tokens) {
		return (String) claims(tokens).getClaim("sid");
	}

	private static JWTClaimsSet claims(JsonNode tokens) {
		return AuthApi.claims(access(tokens));
	}

	private static void assertSessionNotFound(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = body(response);
		assertThat(problem.path("code").asString()).isEqualTo("session_not_found");
		assertThat(problem.path("traceId").asString()).isNotBlank();
	}

}
