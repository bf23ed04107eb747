package dev.keel.auth.handoff;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.TestAccounts;
import dev.keel.auth.token.Principal;

import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.claims;
import static dev.keel.auth.AuthApi.form;
import static dev.keel.auth.AuthServiceIntegrationTest.APP_CALLBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The sign-in handoff: a code issued after a browser sign-in, exchanged once at the token
 * endpoint with {@code grant_type=authorization_code} and the app's PKCE verifier.
 */
@AuthServiceIntegrationTest
class SignInHandoffsIntegrationTests {

	private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

	@LocalServerPort
	int port;

	@Autowired
	SignInHandoffs handoffs;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theCodeWithItsVerifierStartsASessionOnce() {
		Principal user = this.accounts.user("user");
		String code = this.handoffs.issue(user.subject(), "magic_link", Pkce.challenge(VERIFIER), APP_CALLBACK);
		assertThat(code).matches("[A-Za-z0-9_-]{43}");

		HttpResponse<String> exchanged = exchange(code, VERIFIER, APP_CALLBACK);
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		assertThat(exchanged.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode tokens = body(exchanged);
		assertThat(claims(tokens.path("access_token").asString()).getSubject()).isEqualTo(user.subject());
		HttpResponse<String> refreshed = api().refreshGrant(tokens.path("refresh_token").asString());
		assertThat(refreshed.statusCode()).isEqualTo(200);

		assertInvalidGrant(exchange(code, VERIFIER, APP_CALLBACK));
	}

	@Test
	void theKnownTestVectorOfRfc7636Matches() {
		assertThat(Pkce.challenge(VERIFIER)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
	}

	@Test
	void aWrongVerifierIsRefusedAndSpendsTheCode() {
		String code = issue();
		assertInvalidGrant(exchange(code, VERIFIER.replace('d', 'e'), APP_CALLBACK));
		assertInvalidGrant(exchange(code, VERIFIER, APP_CALLBACK));
	}

	@Test
	void anotherRedirectIsRefusedAndSpendsTheCode() {
		String code = issue();
		assertInvalidGrant(exchange(code, VERIFIER, APP_CALLBACK + "/other"));
		assertInvalidGrant(exchange(code, VERIFIER, APP_CALLBACK));
	}

	@Test
	void withoutARedirectUriTheVerifierAloneRedeemsTheCodeOnce() {
		String code = issue();
		HttpResponse<String> exchanged = api().postForm("/api/auth/token",
				form("grant_type", "authorization_code", "code", code, "code_verifier", VERIFIER));
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		assertInvalidGrant(api().postForm("/api/auth/token",
				form("grant_type", "authorization_code", "code", code, "code_verifier", VERIFIER)));
	}

	@Test
	void anExpiredCodeIsRefused() {
		String code = issue();
		// Stored by its SHA-256, base64url: the same computation as an S256 challenge.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(Pkce.challenge(code))),
				new Update().set("expiresAt", Date.from(Instant.now().minusSeconds(1))), "sign_in_handoffs");
		assertInvalidGrant(exchange(code, VERIFIER, APP_CALLBACK));
	}

	@Test
	void aCodeForAUserWhoIsNoLongerActiveIssuesNothing() {
		Principal user = this.accounts.user("user");
		String code = this.handoffs.issue(user.subject(), "magic_link", Pkce.challenge(VERIFIER), APP_CALLBACK);
		this.accounts.disable(user.subject());
		assertInvalidGrant(exchange(code, VERIFIER, APP_CALLBACK));
	}

	@Test
	void anUnknownCodeIsRefused() {
		assertInvalidGrant(exchange("x".repeat(43), VERIFIER, APP_CALLBACK));
	}

	@Test
	void missingOrMalformedParametersAreInvalidRequestsThatSpendNothing() {
		String code = issue();
		for (Map<String, String> parameters : List.of(form("grant_type", "authorization_code", "code", code),
				form("grant_type", "authorization_code", "code_verifier", VERIFIER),
				form("grant_type", "authorization_code", "code", code, "code_verifier", "too-short", "redirect_uri",
						APP_CALLBACK))) {
			HttpResponse<String> response = api().postForm("/api/auth/token", parameters);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(body(response).path("error").asString()).isEqualTo("invalid_request");
		}
		assertThat(exchange(code, VERIFIER, APP_CALLBACK).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesToIssueForARedirectOffTheListOrWithoutAnS256Challenge() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.handoffs.issue("u", "magic_link", Pkce.challenge(VERIFIER), "https://evil.com/"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.handoffs.issue("u", "magic_link", "plain", APP_CALLBACK));
	}

	@Test
	void theRedirectCarriesTheCodeInItsQuery() {
		assertThat(SignInHandoffs.redirectWithCode(APP_CALLBACK, "abc")).isEqualTo(APP_CALLBACK + "?code=abc");
		assertThat(SignInHandoffs.redirectWithCode(APP_CALLBACK + "?next=a", "abc"))
			.isEqualTo(APP_CALLBACK + "?next=a&code=abc");
	}

	private String issue() {
		return this.handoffs.issue(this.accounts.user("user").subject(), "magic_link", Pkce.challenge(VERIFIER),
				APP_CALLBACK);
	}

	private HttpResponse<String> exchange(String code, String verifier, String redirectUri) {
		return api().postForm("/api/auth/token", form("grant_type", "authorization_code", "code", code, "code_verifier",
				verifier, "redirect_uri", redirectUri));
	}

	private static void assertInvalidGrant(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(body(response).path("error").asString()).isEqualTo("invalid_grant");
		assertThat(body(response).has("access_token")).isFalse();
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

}
