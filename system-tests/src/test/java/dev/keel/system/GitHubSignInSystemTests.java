package dev.keel.system;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.Api.Reply;
import dev.keel.testing.GitHubStandIn.Email;
import dev.keel.testing.GitHubStandIn.User;

import static dev.keel.system.DataFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's GitHub preset through the gateway, against the local stand-in of GitHub's
 * endpoints ({@link TestGitHub}) driven as a browser: Keel's authorize, GitHub's login
 * form, Keel's callback, the app's redirect with a one-time code, exchanged with the
 * app's PKCE verifier. The user is GitHub's numeric id, with the primary email only when
 * it is verified.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 22)
class GitHubSignInSystemTests {

	private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private static final AtomicLong ids = new AtomicLong(5_000_000 + new SecureRandom().nextInt(1_000_000));

	@Test
	void aSignInCreatesAUserWithThePrimaryVerifiedEmailAndFindsItAgainAfterARename() {
		long id = ids.incrementAndGet();
		String email = "octo-" + id + "@example.com";
		TestGitHub.standIn()
			.put(new User(id, "octocat-" + id, "Mona",
					List.of(new Email("secondary-" + id + "@example.com", false, true), new Email(email, true, true))));

		Reply first = signIn("octocat-" + id);
		TestGitHub.standIn().put(new User(id, "renamed-" + id, "Mona", List.of(new Email(email, true, true))));
		Reply second = signIn("renamed-" + id);

		Reply me = Api.get("/api/auth/me", first.field("access_token"));
		assertThat(me.field("email")).isEqualTo(email);
		assertThat(me.body().path("emailVerified").asBoolean()).isTrue();
		assertThat(Api.get("/api/auth/me", second.field("access_token")).field("id")).isEqualTo(me.field("id"));
		assertThat(usersWith(email)).isEqualTo(1);
	}

	@Test
	void anUnverifiedPrimaryEmailIsNotGivenToTheAccount() {
		long id = ids.incrementAndGet();
		String email = "unverified-" + id + "@example.com";
		TestGitHub.standIn().put(new User(id, "unverified-" + id, null, List.of(new Email(email, true, false))));

		Reply tokens = signIn("unverified-" + id);

		Reply me = Api.get("/api/auth/me", tokens.field("access_token"));
		assertThat(me.status()).as(describe(me)).isEqualTo(200);
		assertThat(me.body().path("email").asString(null)).isNull();
		assertThat(usersWith(email)).isZero();
	}

	@Test
	void aCodeGitHubRefusesCreatesNothing() {
		long id = ids.incrementAndGet();
		String email = "refused-" + id + "@example.com";
		TestGitHub.standIn().put(new User(id, "refused-" + id, null, List.of(new Email(email, true, true))));
		SignInBrowser browser = new SignInBrowser();
		String callback = gitHubLogin(browser, new SignInBrowser.Verifier(), "refused-" + id);

		String landing = land(browser, withCode(callback, "not-a-code-github-issued"));

		assertThat(SignInBrowser.query(landing, "error")).contains("code_exchange_failed");
		assertThat(SignInBrowser.query(landing, "code")).isEmpty();
		assertThat(usersWith(email)).isZero();
	}

	@Test
	void aGitHubCodeReplayedInAnotherSignInIsRefused() {
		long id = ids.incrementAndGet();
		String email = "replayed-" + id + "@example.com";
		TestGitHub.standIn().put(new User(id, "replayed-" + id, null, List.of(new Email(email, true, true))));
		SignInBrowser first = new SignInBrowser();
		String used = gitHubLogin(first, new SignInBrowser.Verifier(), "replayed-" + id);
		assertThat(SignInBrowser.query(land(first, used), "code")).isPresent();
		SignInBrowser second = new SignInBrowser();
		String fresh = gitHubLogin(second, new SignInBrowser.Verifier(), "replayed-" + id);

		String landing = land(second, withCode(fresh, SignInBrowser.query(used, "code").orElseThrow()));

		assertThat(SignInBrowser.query(landing, "error")).contains("code_exchange_failed");
		assertThat(SignInBrowser.query(landing, "code")).isEmpty();
		assertThat(usersWith(email)).isEqualTo(1);
	}

	@Test
	void tokenExchangeRefusesGitHubAsAnInvalidRequest() {
		Reply refused = Api.form("/api/auth/token",
				Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", "gho_x",
						"subject_token_type", "urn:ietf:params:oauth:token-type:id_token", "provider", TestGitHub.ID));

		assertThat(refused.status()).as(describe(refused)).isEqualTo(400);
		assertThat(refused.field("error")).isEqualTo("invalid_request");
	}

	private static Reply signIn(String login) {
		SignInBrowser.Verifier verifier = new SignInBrowser.Verifier();
		SignInBrowser browser = new SignInBrowser();
		String landing = land(browser, gitHubLogin(browser, verifier, login));
		String code = SignInBrowser.query(landing, "code").orElseThrow(() -> new AssertionError(landing));
		Reply tokens = Api.form("/api/auth/token", Map.of("grant_type", "authorization_code", "code", code,
				"code_verifier", verifier.value(), "redirect_uri", TestOidcProvider.APP_CALLBACK));
		assertThat(tokens.status()).as(describe(tokens)).isEqualTo(200);
		return tokens;
	}

	/**
	 * Keel's authorize → GitHub's login form → submitted as the user → Keel's callback.
	 */
	private static String gitHubLogin(SignInBrowser browser, SignInBrowser.Verifier verifier, String login) {
		HttpResponse<String> toGitHub = browser.get(Api.GATEWAY + "/api/auth/authorize?provider=" + TestGitHub.ID
				+ "&redirect_to=" + SignInBrowser.encode(TestOidcProvider.APP_CALLBACK) + "&code_challenge="
				+ verifier.challenge() + "&code_challenge_method=S256");
		assertThat(toGitHub.statusCode()).as(toGitHub.body()).isEqualTo(302);
		HttpResponse<String> page = browser.get(SignInBrowser.location(toGitHub));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		Matcher action = FORM.matcher(page.body());
		assertThat(action.find()).as(page.body()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(page.body());
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
		}
		fields.put("login", login);
		String callback = SignInBrowser.location(browser.postForm(TestGitHub.URL + action.group(1), fields));
		assertThat(callback).startsWith(Api.GATEWAY + "/api/auth/callback/" + TestGitHub.ID + "?");
		return callback;
	}

	/** Keel's callback, through the gateway, sends the browser to the app. */
	private static String land(SignInBrowser browser, String callback) {
		HttpResponse<String> landing = browser.get(callback);
		assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
		String location = SignInBrowser.location(landing);
		assertThat(location).startsWith(TestOidcProvider.APP_CALLBACK + "?");
		return location;
	}

	private static long usersWith(String email) {
		Reply found = Api.get("/api/auth/admin/users?email=" + SignInBrowser.encode(email),
				DataFixtures.admin().accessToken());
		assertThat(found.status()).as(describe(found)).isEqualTo(200);
		return found.body().path("items").size();
	}

	private static String withCode(String callback, String code) {
		return callback.replaceFirst("code=[^&]*", "code=" + SignInBrowser.encode(code));
	}

}
