package dev.keel.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
				authorizeUrl(TestOidcProvider.APP_CALLBACK, new Verifier().challenge()),
				"oidc-tampered-" + UUID.randomUUID());

		HttpResponse<String> tampered = browser.get(callback.replace("state=", "state=x"));

		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(tampered.body()).contains("invalid_state");
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
		Verifier verifier = new Verifier();
		SignInBrowser browser = new SignInBrowser();
		String callback = providerLogin(browser, authorizeUrl(TestOidcProvider.APP_CALLBACK, verifier.challenge()),
				subject, "{\"email\":\"" + email + "\",\"email_verified\":true}");
		HttpResponse<String> landing = browser.get(callback);
		assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
		String location = SignInBrowser.location(landing);
		assertThat(location).startsWith(TestOidcProvider.APP_CALLBACK + "?code=");
		Reply tokens = Api.form("/api/auth/token",
				Map.of("grant_type", "authorization_code", "code", query(location, "code"), "code_verifier",
						verifier.value(), "redirect_uri", TestOidcProvider.APP_CALLBACK));
		assertThat(tokens.status()).as(describe(tokens)).isEqualTo(200);
		return tokens;
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
				+ encode(redirectTo) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
	}

	private static String query(String url, String name) {
		return Arrays.stream(URI.create(url).getRawQuery().split("&"))
			.map((pair) -> pair.split("=", 2))
			.filter((pair) -> pair[0].equals(name))
			.map((pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
			.findFirst()
			.orElseThrow();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** An app's PKCE verifier and its S256 challenge. */
	private record Verifier(String value) {

		Verifier() {
			this(random());
		}

		String challenge() {
			try {
				return Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(MessageDigest.getInstance("SHA-256")
						.digest(this.value.getBytes(StandardCharsets.US_ASCII)));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String random() {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

}
