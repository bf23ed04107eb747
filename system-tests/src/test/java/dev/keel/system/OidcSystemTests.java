package dev.keel.system;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static dev.keel.system.DataFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's sign-in with an OpenID Connect provider, through the gateway, against a real
 * provider (mock-oauth2-server) driven as a browser: Keel's authorize, the provider's
 * login form, Keel's callback, the app's redirect with a one-time code, the code
 * exchanged with the app's PKCE verifier; and an app's own id_token exchanged (RFC 8693).
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 21)
class OidcSystemTests {

	private static final Pattern VERIFY_TOKEN = Pattern.compile("/account/verify-email\\?token=([A-Za-z0-9_%.~-]+)");

	@Test
	void aBrowserSignInCreatesAUserAndTheSecondFindsTheSameOne() throws Exception {
		String subject = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
		String email = subject + "@example.com";

		Reply first = signIn(subject, email);
		Reply second = signIn(subject, email);

		Reply me = Api.get("/api/auth/me", first.field("access_token"));
		assertThat(me.field("email")).isEqualTo(email);
		assertThat(me.body().path("emailVerified").asBoolean()).isTrue();
		assertThat(Api.get("/api/auth/me", second.field("access_token")).field("id")).isEqualTo(me.field("id"));
		Reply identities = Api.get("/api/auth/me/identities", first.field("access_token"));
		assertThat(identities.body().path("identities").get(0).path("provider").asString())
			.isEqualTo(TestOidcProvider.ID);
	}

	@Test
	void aRedirectOutsideTheAllowListIsRefused() {
		HttpResponse<String> refused = new SignInBrowser()
			.get(authorizeUrl("https://evil.example.com/callback", "x".repeat(43)));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
		assertThat(refused.body()).contains("redirect_not_allowed");
	}

	@Test
	void aTamperedStateIsRefused() {
		SignInBrowser browser = new SignInBrowser();
		String callback = providerLogin(browser,
				authorizeUrl(TestOidcProvider.APP_CALLBACK, new SignInBrowser.Verifier().challenge()),
				"oidc-tampered-" + UUID.randomUUID());

		HttpResponse<String> tampered = browser.get(callback.replace("state=", "state=x"));

		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(tampered.body()).contains("invalid_state");
	}

	@Test
	void aReplayedCallbackAndAReplayedCodeAreRefusedAndCreateNothing() {
		SignInBrowser.Verifier verifier = new SignInBrowser.Verifier();
		SignInBrowser browser = new SignInBrowser();
		String email = "oidc-replay-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String callback = providerLogin(browser, authorizeUrl(TestOidcProvider.APP_CALLBACK, verifier.challenge()),
				"oidc-replay-" + UUID.randomUUID(), verifiedEmail(email));
		String code = SignInBrowser.query(SignInBrowser.location(browser.get(callback)), "code").orElseThrow();
		assertThat(exchangeCode(code, verifier).status()).isEqualTo(200);
		int users = usersWith(email);

		HttpResponse<String> replayedCallback = browser.get(callback);
		Reply replayedCode = exchangeCode(code, verifier);

		assertThat(replayedCallback.statusCode()).isEqualTo(400);
		assertThat(replayedCallback.body()).contains("invalid_state");
		assertThat(replayedCode.status()).as(describe(replayedCode)).isEqualTo(400);
		assertThat(replayedCode.field("error")).isEqualTo("invalid_grant");
		assertThat(replayedCode.body().has("access_token")).isFalse();
		assertThat(usersWith(email)).isEqualTo(users).isOne();
	}

	@Test
	void anIdTokenWithAWrongNonceOrForAnotherAudienceIsRefusedAndCreatesNothing() {
		String email = "oidc-forged-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String claims = verifiedEmail(email);

		String wrongNonce = landing("oidc-nonce-" + UUID.randomUUID(),
				claims.replace("}", ",\"nonce\":\"not-the-flows-nonce\"}"));
		String otherAudience = landing("oidc-aud-" + UUID.randomUUID(),
				claims.replace("}", ",\"aud\":[\"someone-else\"]}"));

		for (String refused : List.of(wrongNonce, otherAudience)) {
			assertThat(refused).startsWith(TestOidcProvider.APP_CALLBACK + "?error=invalid_id_token")
				.doesNotContain("code=");
		}
		assertThat(SignInBrowser.query(wrongNonce, "error_description").orElseThrow()).contains("nonce");
		assertThat(usersWith(email)).isZero();
	}

	@Test
	void aSignedInUserLinksAProviderSignsInWithItAndUnlinksIt() throws Exception {
		String email = Accounts.newEmail();
		String userId = Accounts.signUp(email);
		String access = Accounts.login(email, Accounts.PASSWORD).accessToken();
		String subject = "oidc-link-" + UUID.randomUUID();

		SignInBrowser.Verifier verifier = new SignInBrowser.Verifier();
		Reply started = Api.post("/api/auth/me/identities", access, Map.of("provider", TestOidcProvider.ID,
				"redirect_to", TestOidcProvider.APP_CALLBACK, "code_challenge", verifier.challenge()));
		assertThat(started.status()).as(describe(started)).isEqualTo(201);
		SignInBrowser browser = new SignInBrowser();
		String callback = providerLogin(browser, started.field("authorizationUrl"), subject, "{}");
		Reply linked = exchangeCode(
				SignInBrowser.query(SignInBrowser.location(browser.get(callback)), "code").orElseThrow(), verifier);
		assertThat(linked.status()).as(describe(linked)).isEqualTo(200);

		Reply identities = Api.get("/api/auth/me/identities", access);
		assertThat(identities.body().path("identities").size()).isOne();
		assertThat(identities.body().path("hasPassword").asBoolean()).isTrue();
		Reply viaProvider = signIn(subject, null);
		assertThat(Api.get("/api/auth/me", viaProvider.field("access_token")).field("id")).isEqualTo(userId);

		assertThat(Api.delete("/api/auth/me/identities/" + TestOidcProvider.ID, access).status()).isEqualTo(204);
		assertThat(Api.get("/api/auth/me/identities", access).body().path("identities").size()).isZero();
		Reply again = signIn(subject, null);
		assertThat(Api.get("/api/auth/me", again.field("access_token")).field("id")).isNotEqualTo(userId);
	}

	@Test
	void theLastWayInCannotBeUnlinked() throws Exception {
		Reply tokens = signIn("oidc-only-" + UUID.randomUUID(), null);

		Reply unlink = Api.delete("/api/auth/me/identities/" + TestOidcProvider.ID, tokens.field("access_token"));

		assertThat(unlink.status()).as(describe(unlink)).isEqualTo(409);
		assertThat(unlink.field("code")).isEqualTo("last_sign_in_method");
	}

	@Test
	void aProviderEmailLinksToAVerifiedAccountAndIsRefusedForAnUnverifiedOne() throws Exception {
		String unverified = Accounts.newEmail();
		Accounts.signUp(unverified);
		String verified = Accounts.newEmail();
		String verifiedId = Accounts.signUp(verified);
		verifyEmail(verified);

		String refused = landing("oidc-collide-" + UUID.randomUUID(), verifiedEmail(unverified));
		Reply linked = signIn("oidc-collide-" + UUID.randomUUID(), verified);

		assertThat(refused).startsWith(TestOidcProvider.APP_CALLBACK + "?error=account_exists_unverified")
			.doesNotContain("code=");
		assertThat(usersWith(unverified)).isOne();
		assertThat(Api.get("/api/auth/me", linked.field("access_token")).field("id")).isEqualTo(verifiedId);
	}

	@Test
	void tokenExchangeAcceptsAValidIdTokenAndRefusesAnExpiredOrForeignOne() {
		String subject = "oidc-native-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> audience = List.of(TestOidcProvider.CLIENT_ID);

		Reply valid = exchange(TestOidcProvider.idToken(TestOidcProvider.ID, subject, audience, 3600));
		Reply expired = exchange(TestOidcProvider.idToken(TestOidcProvider.ID, subject, audience, -600));
		Reply foreign = exchange(TestOidcProvider.idToken(TestOidcProvider.OTHER_ISSUER, subject, audience, 3600));

		assertThat(valid.status()).as(describe(valid)).isEqualTo(200);
		assertThat(valid.field("access_token")).isNotBlank();
		assertThat(expired.status()).as(describe(expired)).isEqualTo(400);
		assertThat(expired.field("error")).isEqualTo("invalid_grant");
		assertThat(foreign.status()).as(describe(foreign)).isEqualTo(400);
		assertThat(foreign.field("error")).isEqualTo("invalid_grant");
	}

	private static Reply signIn(String subject, String email) throws Exception {
		SignInBrowser.Verifier verifier = new SignInBrowser.Verifier();
		SignInBrowser browser = new SignInBrowser();
		String callback = providerLogin(browser, authorizeUrl(TestOidcProvider.APP_CALLBACK, verifier.challenge()),
				subject, (email != null) ? verifiedEmail(email) : "{}");
		HttpResponse<String> landing = browser.get(callback);
		assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
		String location = SignInBrowser.location(landing);
		assertThat(location).startsWith(TestOidcProvider.APP_CALLBACK + "?code=");
		Reply tokens = exchangeCode(SignInBrowser.query(location, "code").orElseThrow(), verifier);
		assertThat(tokens.status()).as(describe(tokens)).isEqualTo(200);
		return tokens;
	}

	/** Where a browser sign-in with these claims sends the browser back to. */
	private static String landing(String subject, String claims) {
		SignInBrowser browser = new SignInBrowser();
		String callback = providerLogin(browser,
				authorizeUrl(TestOidcProvider.APP_CALLBACK, new SignInBrowser.Verifier().challenge()), subject, claims);
		HttpResponse<String> landing = browser.get(callback);
		assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
		return SignInBrowser.location(landing);
	}

	private static Reply exchangeCode(String code, SignInBrowser.Verifier verifier) {
		return Api.form("/api/auth/token", Map.of("grant_type", "authorization_code", "code", code, "code_verifier",
				verifier.value(), "redirect_uri", TestOidcProvider.APP_CALLBACK));
	}

	private static String verifiedEmail(String email) {
		return "{\"email\":\"" + email + "\",\"email_verified\":true}";
	}

	/** How many accounts have this email, as an admin sees them. */
	private static int usersWith(String email) {
		Reply users = Api.get("/api/auth/admin/users?email=" + SignInBrowser.encode(email),
				Accounts.admin().accessToken());
		assertThat(users.status()).as(describe(users)).isEqualTo(200);
		return users.body().path("items").size();
	}

	/** Verifies an address with the link of its "Confirm your email address" email. */
	private static void verifyEmail(String email) throws Exception {
		JsonNode message = MailSink.awaitMessage(email, "Confirm your email address");
		Matcher token = VERIFY_TOKEN.matcher(message.path("Text").asString());
		assertThat(token.find()).as(message.path("Text").asString()).isTrue();
		assertThat(Api.post("/api/auth/email/verify", null, Map.of("token", token.group(1))).status()).isEqualTo(204);
	}

	private static String providerLogin(SignInBrowser browser, String start, String subject) {
		return providerLogin(browser, start, subject, "{}");
	}

	/** Keel's start URL → the provider's login form → submitted → Keel's callback URL. */
	private static String providerLogin(SignInBrowser browser, String start, String subject, String claims) {
		HttpResponse<String> toProvider = browser.get(start);
		assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
		String loginPage = SignInBrowser.location(toProvider);
		assertThat(browser.get(loginPage).body()).contains("name=\"username\"");
		String callback = SignInBrowser
			.location(browser.postForm(loginPage, Map.of("username", subject, "claims", claims)));
		assertThat(callback).startsWith(Api.GATEWAY + "/api/auth/callback/" + TestOidcProvider.ID);
		return callback;
	}

	private static Reply exchange(String idToken) {
		return Api.form("/api/auth/token",
				Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", idToken,
						"subject_token_type", "urn:ietf:params:oauth:token-type:id_token", "provider",
						TestOidcProvider.ID));
	}

	private static String authorizeUrl(String redirectTo, String challenge) {
		return Api.GATEWAY + "/api/auth/authorize?provider=" + TestOidcProvider.ID + "&redirect_to="
				+ SignInBrowser.encode(redirectTo) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
	}

}
