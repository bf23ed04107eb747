package dev.keel.auth.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.handoff.Pkce;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.GitHubStandIn;
import dev.keel.testing.GitHubStandIn.Email;
import dev.keel.testing.GitHubStandIn.User;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.claims;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with the GitHub preset against a local stand-in of GitHub's endpoints, driven
 * as a browser: Keel's authorize, GitHub's login form, Keel's callback, the app's
 * redirect with a one-time code, exchanged with the app's PKCE verifier. Every refusal is
 * checked to create nothing.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = { "management.server.port=0",
		"eureka.client.enabled=false", "keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY })
class GitHubSignInIntegrationTests {

	private static final String APP_CALLBACK = "https://app.example.com/github-callback";

	private static final String CLIENT_ID = "Iv1.keel-test";

	private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private static final AtomicLong ids = new AtomicLong(1_000_000 + new SecureRandom().nextInt(1_000_000));

	private static GitHubStandIn github;

	private static int keelPort;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		if (github == null) {
			github = GitHubStandIn.start(0, CLIENT_ID, "github-secret");
			keelPort = freePort();
		}
		registry.add("server.port", () -> keelPort);
		registry.add("keel.auth.providers.app-url", () -> "http://localhost:" + keelPort);
		registry.add("keel.auth.providers.enabled", () -> "github");
		registry.add("KEEL_AUTH_PROVIDER_GITHUB_TYPE", () -> "github");
		registry.add("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_ID", () -> CLIENT_ID);
		registry.add("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_SECRET", () -> "github-secret");
		registry.add("KEEL_AUTH_PROVIDER_GITHUB_AUTHORIZATION_URL", github::authorizationUrl);
		registry.add("KEEL_AUTH_PROVIDER_GITHUB_TOKEN_URL", github::tokenUrl);
		registry.add("KEEL_AUTH_PROVIDER_GITHUB_API_URL", github::apiUrl);
		registry.add("keel.auth.handoff.redirect-allow-list", () -> APP_CALLBACK);
	}

	@Autowired
	MongoTemplate mongo;

	@Test
	void theBrowserGoesToGitHubWithPkceStateAndTheEmailScopes() {
		HttpResponse<String> toGitHub = new Browser().get(authorizeUrl(new Verifier().challenge()));

		assertThat(toGitHub.statusCode()).isEqualTo(302);
		URI location = URI.create(Browser.location(toGitHub));
		assertThat(location.toString()).startsWith(github.authorizationUrl() + "?");
		assertThat(query(location)).containsEntry("client_id", CLIENT_ID)
			.containsEntry("scope", "read:user user:email")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", "http://localhost:" + keelPort + "/api/auth/callback/github")
			.containsKeys("state", "code_challenge")
			.doesNotContainKey("nonce");
	}

	@Test
	void firstSignInCreatesAUserWithThePrimaryVerifiedEmailAndTheSecondFindsItAfterARename() {
		long id = ids.incrementAndGet();
		String email = "octo-" + id + "@example.com";
		github.put(new User(id, "octocat-" + id, "Mona Octocat",
				List.of(new Email("other-" + id + "@example.com", false, true), new Email(email, true, true))));
		long users = count("users");

		JsonNode first = signIn("octocat-" + id);
		github.put(new User(id, "renamed-" + id, null, List.of(new Email(email, true, true))));
		JsonNode second = signIn("renamed-" + id);

		JWTClaimsSet claims = claims(first.path("access_token").asString());
		assertThat(claims.getClaim("email")).isEqualTo(email);
		assertThat(claims(second.path("access_token").asString()).getSubject()).isEqualTo(claims.getSubject());
		assertThat(count("users")).isEqualTo(users + 1);
		JsonNode me = body(api().get("/api/auth/me", bearer(first.path("access_token").asString())));
		assertThat(me.path("emailVerified").asBoolean()).isTrue();
		JsonNode identities = body(
				api().get("/api/auth/me/identities", bearer(second.path("access_token").asString())));
		assertThat(identities.path("identities").get(0).path("provider").asString()).isEqualTo("github");
	}

	@Test
	void anUnverifiedPrimaryEmailIsNotGivenToTheAccount() {
		long id = ids.incrementAndGet();
		github.put(new User(id, "unverified-" + id, "Unverified",
				List.of(new Email("unverified-" + id + "@example.com", true, false),
						new Email("verified-" + id + "@example.com", false, true))));

		JsonNode tokens = signIn("unverified-" + id);

		assertThat(claims(tokens.path("access_token").asString()).getClaim("email")).isNull();
		JsonNode me = body(api().get("/api/auth/me", bearer(tokens.path("access_token").asString())));
		assertThat(me.path("email").isMissingNode() || me.path("email").isNull()).as(me.toString()).isTrue();
	}

	@Test
	void aCodeGitHubRefusesIsAnErrorForTheAppAndCreatesNothing() {
		User user = aUser();
		Browser browser = new Browser();
		URI callback = URI.create(gitHubLogin(browser, new Verifier(), user.login()));
		long users = count("users");
		long identities = count("identities");

		URI landing = land(browser, replaceCode(callback, "not-a-code-github-issued"));

		assertThat(query(landing)).containsEntry("error", "code_exchange_failed").doesNotContainKey("code");
		assertThat(count("users")).isEqualTo(users);
		assertThat(count("identities")).isEqualTo(identities);
	}

	@Test
	void aReplayedGitHubCodeIsRefusedInANewSignIn() {
		User user = aUser();
		Browser first = new Browser();
		URI used = URI.create(gitHubLogin(first, new Verifier(), user.login()));
		assertThat(query(land(first, used))).containsKey("code");
		long users = count("users");
		Browser second = new Browser();
		URI fresh = URI.create(gitHubLogin(second, new Verifier(), user.login()));

		URI landing = land(second, replaceCode(fresh, query(used).get("code")));

		assertThat(query(landing)).containsEntry("error", "code_exchange_failed").doesNotContainKey("code");
		assertThat(count("users")).isEqualTo(users);
	}

	@Test
	void aFailingOrMalformedGitHubApiIsAnErrorForTheAppNotAServerError() {
		long users = count("users");
		for (Map.Entry<Integer, String> answer : List.of(Map.entry(200, "{\"login\": \"broken"),
				Map.entry(502, "{\"message\":\"Server Error\"}"), Map.entry(200, "{\"login\":\"no-id\"}"))) {
			User user = aUser();
			Browser browser = new Browser();
			URI callback = URI.create(gitHubLogin(browser, new Verifier(), user.login()));
			github.answerNextApiCallWith(answer.getKey(), answer.getValue());

			URI landing = land(browser, callback);

			assertThat(query(landing)).as(answer.getValue())
				.containsEntry("error", "provider_unavailable")
				.doesNotContainKey("code");
		}
		assertThat(count("users")).isEqualTo(users);
	}

	@Test
	void tokenExchangeRefusesAGitHubProviderAsAnInvalidRequest() {
		HttpResponse<String> response = api().postForm("/api/auth/token",
				form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", "gho_whatever",
						"subject_token_type", "urn:ietf:params:oauth:token-type:id_token", "provider", "github"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).path("error").asString()).isEqualTo("invalid_request");
		assertThat(body(response).path("error_description").asString()).contains("id_token");
	}

	// --- the browser and the app ---

	private JsonNode signIn(String login) {
		Verifier verifier = new Verifier();
		Browser browser = new Browser();
		URI landing = land(browser, URI.create(gitHubLogin(browser, verifier, login)));
		String code = query(landing).get("code");
		assertThat(code).as(landing.toString()).isNotNull();
		HttpResponse<String> tokens = api().postForm("/api/auth/token", form("grant_type", "authorization_code", "code",
				code, "code_verifier", verifier.value(), "redirect_uri", APP_CALLBACK));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return body(tokens);
	}

	/**
	 * Keel's authorize → GitHub's login form → submitted as the user → Keel's callback.
	 */
	private String gitHubLogin(Browser browser, Verifier verifier, String login) {
		HttpResponse<String> toGitHub = browser.get(authorizeUrl(verifier.challenge()));
		assertThat(toGitHub.statusCode()).as(toGitHub.body()).isEqualTo(302);
		HttpResponse<String> page = browser.get(Browser.location(toGitHub));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		Matcher action = FORM.matcher(page.body());
		assertThat(action.find()).as(page.body()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(page.body());
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
		}
		fields.put("login", login);
		String callback = Browser.location(browser.postForm(github.url() + action.group(1), fields));
		assertThat(callback).startsWith("http://localhost:" + keelPort + "/api/auth/callback/github?");
		return callback;
	}

	private static URI land(Browser browser, URI callback) {
		HttpResponse<String> landing = browser.get(callback.toString());
		assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
		URI location = URI.create(Browser.location(landing));
		assertThat(location.toString()).startsWith(APP_CALLBACK + "?");
		return location;
	}

	private static URI replaceCode(URI callback, String code) {
		return UriComponentsBuilder.fromUri(callback).replaceQueryParam("code", code).build().toUri();
	}

	private static User aUser() {
		long id = ids.incrementAndGet();
		User user = new User(id, "user-" + id, "User " + id,
				List.of(new Email("user-" + id + "@example.com", true, true)));
		github.put(user);
		return user;
	}

	private String authorizeUrl(String challenge) {
		return UriComponentsBuilder.fromUriString(api().url("/api/auth/authorize"))
			.queryParam("provider", "github")
			.queryParam("redirect_to", APP_CALLBACK)
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();
	}

	private long count(String collection) {
		return this.mongo.count(new Query(), collection);
	}

	private static Map<String, String> query(URI uri) {
		return UriComponentsBuilder.fromUri(uri)
			.build()
			.getQueryParams()
			.toSingleValueMap()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(entry) -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
	}

	private static AuthApi api() {
		return new AuthApi(keelPort);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An app's PKCE verifier and its S256 challenge. */
	private record Verifier(String value) {

		Verifier() {
			this(random());
		}

		String challenge() {
			return Pkce.challenge(this.value);
		}

		private static String random() {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

}
