package dev.keel.auth.token;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.TestAccounts;

import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.token.TokenEndpointIntegrationTests.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceIntegrationTest
class RefreshTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	AuthApi api;

	Principal user;

	@BeforeEach
	void loginUser() {
		this.api = new AuthApi(this.port);
		this.user = this.accounts.user("user");
	}

	@Test
	void aRefreshReturnsANewPairOfTheSameSessionAndInvalidatesTheOldToken() {
		JsonNode login = this.api.login(this.user.email());

		JsonNode refreshed = refresh(login);

		assertThat(refreshed.path("refresh_token").asString()).isNotEqualTo(login.path("refresh_token").asString());
		assertThat(sid(refreshed)).isEqualTo(sid(login));
		assertThat(AuthApi.claims(refreshed.path("access_token").asString()).getJWTID())
			.isNotEqualTo(AuthApi.claims(login.path("access_token").asString()).getJWTID());
		assertThat(refresh(refreshed).path("access_token").isString()).isTrue();
	}

	@Test
	void aReusedRefreshTokenRevokesTheWholeFamily() {
		JsonNode first = this.api.login(this.user.email());
		JsonNode second = refresh(first);
		JsonNode third = refresh(second);

		assertOAuthError(this.api.refreshGrant(token(first)), 400, "invalid_grant");

		assertOAuthError(this.api.refreshGrant(token(third)), 400, "invalid_grant");
	}

	@Test
	void theJustRotatedTokenWithinTheGraceWindowGetsAWorkingPairOfTheSameFamily() {
		JsonNode login = this.api.login(this.user.email());
		JsonNode tabA = refresh(login);

		JsonNode tabB = refresh(login);

		assertThat(sid(tabB)).isEqualTo(sid(tabA));
		assertThat(token(tabB)).isNotEqualTo(token(tabA));
		assertThat(sid(refresh(tabA))).isEqualTo(sid(login));
		assertThat(sid(refresh(tabB))).isEqualTo(sid(login));
	}

	@Test
	void theJustRotatedTokenAfterTheGraceWindowIsReuseAndRevokesTheFamily() throws InterruptedException {
		JsonNode login = this.api.login(this.user.email());
		JsonNode refreshed = refresh(login);

		Thread.sleep(Duration.parse("PT" + AuthServiceIntegrationTest.GRACE_WINDOW).plusMillis(500));

		assertOAuthError(this.api.refreshGrant(token(login)), 400, "invalid_grant");
		assertOAuthError(this.api.refreshGrant(token(refreshed)), 400, "invalid_grant");
	}

	@Test
	void concurrentRefreshesOfOneTokenAllSucceedInTheSameSession() throws Exception {
		JsonNode login = this.api.login(this.user.email());
		CountDownLatch start = new CountDownLatch(1);
		Callable<HttpResponse<String>> refresh = () -> {
			start.await();
			return this.api.refreshGrant(token(login));
		};

		List<HttpResponse<String>> responses;
		try (ExecutorService executor = Executors.newFixedThreadPool(3)) {
			List<Future<HttpResponse<String>>> futures = List.of(executor.submit(refresh), executor.submit(refresh),
					executor.submit(refresh));
			start.countDown();
			responses = futures.stream().map(RefreshTokenIntegrationTests::get).toList();
		}

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(sid(body(response))).isEqualTo(sid(login));
		});
		assertThat(responses.stream().map((response) -> token(body(response))).distinct()).hasSize(3);
	}

	@Test
	void aDisabledUserCannotRefresh() {
		JsonNode login = this.api.login(this.user.email());

		this.accounts.disable(this.user.subject());

		assertOAuthError(this.api.refreshGrant(token(login)), 400, "invalid_grant");
	}

	@Test
	void aRefreshedAccessTokenCarriesTheUsersCurrentRoles() {
		JsonNode login = this.api.login(this.user.email());

		this.accounts.changeRoles(this.user.subject(), "user", "moderator");

		assertThat(AuthApi.claims(refresh(login).path("access_token").asString()).getClaim("roles"))
			.isEqualTo(List.of("user", "moderator"));
	}

	@Test
	void anUnknownRefreshTokenIsAnInvalidGrant() {
		assertOAuthError(this.api.refreshGrant("not-a-token-we-issued"), 400, "invalid_grant");
	}

	private JsonNode refresh(JsonNode pair) {
		HttpResponse<String> response = this.api.refreshGrant(token(pair));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

	static String token(JsonNode pair) {
		return pair.path("refresh_token").asString();
	}

	static Object sid(JsonNode pair) {
		return AuthApi.claims(pair.path("access_token").asString()).getClaim("sid");
	}

	private static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
