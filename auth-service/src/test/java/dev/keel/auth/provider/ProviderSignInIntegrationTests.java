package dev.keel.auth.provider;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.handoff.Pkce;
import dev.keel.testing.EmbeddedInfrastructure;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.claims;
import static dev.keel.auth.AuthApi.form;
import static dev.keel.auth.provider.TestProvider.APP_CALLBACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with an OpenID Connect provider, driven as a browser against a real provider
 * (mock-oauth2-server's interactive login): Keel's authorize, the provider's login form,
 * Keel's callback, the app's redirect with a one-time code, and the code exchanged with
 * the app's PKCE verifier. Every refusal is checked to create nothing.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.users.anonymous.signups-enabled=true" })
class ProviderSignInIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PASSWORD = "correct horse battery staple";

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		TestProvider.register(registry);
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProviderProperties properties;

	@Test
	void firstSignInCreatesAUserAndTheSecondFindsTheSameOne() {
		String subject = uniqueSubject();
		String email = subject + "@example.com";
		long users = count("users");

		JsonNode first = signIn(subject, Map.of("email", email, "email_verified", true));
		JsonNode second = signIn(subject, Map.of("email", email, "email_verified", true));

		JWTClaimsSet claims = claims(first.path("access_token").asString());
		assertThat(claims.getClaim("email")).isEqualTo(email);
		assertThat(claims(second.path("access_token").asString()).getSubject()).isEqualTo(claims.getSubject());
		assertThat(count("users")).isEqualTo(users + 1);
		JsonNode me = body(api().get("/api/auth/me", bearer(first.path("access_token").asString())));
		assertThat(me.path("emailVerified").asBoolean()).isTrue();
		assertThat(me.path("roles").toString()).contains("user");
	}

	@Test
	void anUnverifiedProviderEmailIsNotGivenToTheAccount() {
		JsonNode tokens = signIn(uniqueSubject(), Map.of("email", "someone@example.com", "email_verified", false));

		assertThat(claims(tokens.path("access_token").asString()).getClaim("email")).isNull();
	}

	@Test
	void aVerifiedEmailOfAVerifiedAccountLinksToThatAccount() {
		String email = uniqueSubject() + "@example.com";
		String userId = signUp(email, true);

		JsonNode tokens = signIn(uniqueSubject(), Map.of("email", email, "email_verified", true));

		assertThat(claims(tokens.path("access_token").asString()).getSubject()).isEqualTo(userId);
		JsonNode identities = body(
				api().get("/api/auth/me/identities", bearer(tokens.path("access_token").asString())));
		assertThat(identities.path("hasPassword").asBoolean()).isTrue();
		assertThat(identities.path("identities").get(0).path("provider").asString()).isEqualTo(TestProvider.ID);
	}

	@Test
	void aVerifiedEmailOfAnUnverifiedAccountIsRefusedAndCreatesNothing() {
		String email = uniqueSubject() + "@example.com";
		signUp(email, false);
		long users = count("users");
		long identities = count("identities");

		URI landing = browserSignIn(new Browser(), uniqueSubject(), Map.of("email", email, "email_verified", true));

		assertThat(query(landing)).containsEntry("error", "account_exists_unverified").doesNotContainKey("code");
		assertThat(query(landing).get("error_description")).contains("verif");
		assertThat(count("users")).isEqualTo(users);
		assertThat(count("identities")).isEqualTo(identities);
	}

	@Test
	void aRedirectOutsideTheAllowListIsRefusedBeforeAnythingIsStored() {
		long flows = count(SignInFlows.COLLECTION);

		HttpResponse<String> response = new Browser().get(authorizeUrl("https://evil.example.com/callback"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(body(response).path("code").asString()).isEqualTo("redirect_not_allowed");
		assertThat(count(SignInFlows.COLLECTION)).isEqualTo(flows);
	}

	@Test
	void aTamperedStateIsRefusedAndCreatesNothing() {
		Browser browser = new Browser();
		String callback = providerLogin(browser, authorizeUrl(APP_CALLBACK), uniqueSubject(), Map.of());
		long users = count("users");

		HttpResponse<String> tampered = browser.get(callback.replace("state=", "state=x"));

		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(body(tampered).path("code").asString()).isEqualTo("invalid_state");
		assertThat(count("users")).isEqualTo(users);
	}

	@Test
	void aCallbackInAnotherBrowserIsRefused() {
		String callback = providerLogin(new Browser(), authorizeUrl(APP_CALLBACK), uniqueSubject(), Map.of());
		long users = count("users");

		HttpResponse<String> elsewhere = new Browser().get(callback);

		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(body(elsewhere).path("code").asString()).isEqualTo("invalid_state");
		assertThat(count("users")).isEqualTo(users);
	}

	@Test
	void aReplayedCallbackAndAReplayedCodeAreRefused() {
		Browser browser = new Browser();
		String callback = providerLogin(browser, authorizeUrl(APP_CALLBACK), uniqueSubject(), Map.of());
		URI landing = URI.create(Browser.location(browser.get(callback)));
		String code = query(landing).get("code");
		assertThat(exchange(code).statusCode()).isEqualTo(200);
		long users = count("users");

		HttpResponse<String> replayedCallback = browser.get(callback);
		HttpResponse<String> replayedCode = exchange(code);

		assertThat(replayedCallback.statusCode()).isEqualTo(400);
		assertThat(replayedCode.statusCode()).isEqualTo(400);
		assertThat(body(replayedCode).path("error").asString()).isEqualTo("invalid_grant");
		assertThat(count("users")).isEqualTo(users);
	}

	@Test
	void anIdTokenWithTheWrongNonceIsRefusedAndCreatesNothing() {
		long users = count("users");

		URI landing = browserSignIn(new Browser(), uniqueSubject(), Map.of("nonce", "not-the-flows-nonce"));

		assertThat(query(landing)).containsEntry("error", "invalid_id_token").doesNotContainKey("code");
		assertThat(query(landing).get("error_description")).contains("nonce");
		assertThat(count("users")).isEqualTo(users);
	}

	@Test
	void anIdTokenForAnotherAudienceIsRefusedAndCreatesNothing() {
		long users = count("users");

		URI landing = browserSignIn(new Browser(), uniqueSubject(), Map.of("aud", List.of("someone-else")));

		assertThat(query(landing)).containsEntry("error", "invalid_id_token").doesNotContainKey("code");
		assertThat(query(landing).get("error_description")).contains("aud");
		assertThat(count("users")).isEqualTo(users);
	}

	@Test
	void aProviderErrorGoesBackToTheApp() {
		Browser browser = new Browser();
		URI provider = URI.create(Browser.location(browser.get(authorizeUrl(APP_CALLBACK))));
		String state = query(provider).get("state");

		HttpResponse<String> callback = browser
			.get(this.properties.callbackUrl(TestProvider.ID) + "?error=access_denied&state=" + state);

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(query(URI.create(Browser.location(callback)))).containsEntry("error", "access_denied");
	}

	@Test
	void aSignedInUserLinksListsAndUnlinksAProvider() {
		String email = uniqueSubject() + "@example.com";
		String userId = signUp(email, true);
		String access = api().accessToken(email);
		String subject = uniqueSubject();

		JsonNode linked = link(access, subject, Map.of());

		assertThat(claims(linked.path("access_token").asString()).getSubject()).isEqualTo(userId);
		JsonNode identities = body(api().get("/api/auth/me/identities", bearer(access)));
		assertThat(identities.path("identities").size()).isEqualTo(1);
		assertThat(identities.path("identities").get(0).path("provider").asString()).isEqualTo(TestProvider.ID);
		assertThat(signIn(subject, Map.of()).path("access_token").asString())
			.satisfies((token) -> assertThat(claims(token).getSubject()).isEqualTo(userId));
		assertThat(api().delete("/api/auth/me/identities/acme", bearer(access)).statusCode()).isEqualTo(204);
		assertThat(body(api().get("/api/auth/me/identities", bearer(access))).path("identities").size()).isZero();
		assertThat(api().delete("/api/auth/me/identities/acme", bearer(access)).statusCode()).isEqualTo(404);
	}

	@Test
	void theLastWayInCannotBeUnlinked() {
		String access = signIn(uniqueSubject(), Map.of()).path("access_token").asString();

		HttpResponse<String> unlink = api().delete("/api/auth/me/identities/acme", bearer(access));

		assertThat(unlink.statusCode()).isEqualTo(409);
		assertThat(body(unlink).path("code").asString()).isEqualTo("last_sign_in_method");
		assertThat(body(api().get("/api/auth/me/identities", bearer(access))).path("hasPassword").asBoolean())
			.isFalse();
	}

	@Test
	void anUnlinkWhileAnotherIsUnderWayIsRefusedSoTheLastWayInStays() {
		String access = signIn(uniqueSubject(), Map.of()).path("access_token").asString();
		String userId = claims(access).getSubject();
		this.mongo.insert(new org.bson.Document("_id", "other:" + userId).append("provider", "other")
			.append("subject", userId)
			.append("userId", userId)
			.append("emailVerified", false)
			.append("linkedAt", new java.util.Date()), "identities");
		// Another instance holds the user's unlink mark: it is unlinking the other
		// identity.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
				new Update().set("unlinkingUntil", java.util.Date.from(java.time.Instant.now().plusSeconds(10))),
				"users");

		HttpResponse<String> meanwhile = api().delete("/api/auth/me/identities/acme", bearer(access));

		assertThat(meanwhile.statusCode()).isEqualTo(409);
		assertThat(body(meanwhile).path("code").asString()).isEqualTo("unlink_in_progress");
		assertThat(count("identities", userId)).isEqualTo(2);

		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)), new Update().unset("unlinkingUntil"),
				"users");
		assertThat(api().delete("/api/auth/me/identities/other", bearer(access)).statusCode()).isEqualTo(204);
		HttpResponse<String> last = api().delete("/api/auth/me/identities/acme", bearer(access));
		assertThat(last.statusCode()).isEqualTo(409);
		assertThat(body(last).path("code").asString()).isEqualTo("last_sign_in_method");
		assertThat(count("identities", userId)).isOne();
	}

	@Test
	void anIdentityLeftOverFromASignUpCutShortDoesNotLockTheProviderAccountOut() {
		String subject = uniqueSubject();
		this.mongo
			.insert(new org.bson.Document("_id", TestProvider.ID + ":" + subject).append("provider", TestProvider.ID)
				.append("subject", subject)
				.append("userId", "a-user-never-written")
				.append("emailVerified", false)
				.append("linkedAt", java.util.Date.from(java.time.Instant.now().minusSeconds(120))), "identities");

		JsonNode tokens = signIn(subject, Map.of());

		String userId = claims(tokens.path("access_token").asString()).getSubject();
		assertThat(userId).isNotEqualTo("a-user-never-written");
		assertThat(count("identities", userId)).isOne();
		assertThat(count("identities", "a-user-never-written")).isZero();
	}

	@Test
	void anIdentityLinkedToSomeoneElseIsNotLinkedAgain() {
		String subject = uniqueSubject();
		signIn(subject, Map.of());
		String email = uniqueSubject() + "@example.com";
		signUp(email, true);
		String access = api().accessToken(email);

		URI landing = linkLanding(access, subject, Map.of());

		assertThat(query(landing)).containsEntry("error", "identity_in_use").doesNotContainKey("code");
		assertThat(body(api().get("/api/auth/me/identities", bearer(access))).path("identities").size()).isZero();
	}

	@Test
	void linkingAProviderUpgradesAnAnonymousUserInPlace() throws Exception {
		JsonNode anonymous = body(api().postForm("/api/auth/token", form("grant_type", "urn:keel:anonymous")));
		String access = anonymous.path("access_token").asString();
		String userId = claims(access).getSubject();
		String email = uniqueSubject() + "@example.com";

		JsonNode linked = link(access, uniqueSubject(), Map.of("email", email, "email_verified", true));

		JWTClaimsSet claims = claims(linked.path("access_token").asString());
		assertThat(claims.getSubject()).isEqualTo(userId);
		assertThat(claims.getStringListClaim("roles")).containsExactly("user");
		assertThat(claims.getClaim("email")).isEqualTo(email);
	}

	@Test
	void tokenExchangeAcceptsAValidIdTokenForKeelOrTheAppsOwnClient() {
		String subject = uniqueSubject();
		String forKeel = TestProvider.idToken(TestProvider.ID, subject, List.of(TestProvider.CLIENT_ID), Map.of(),
				3600);
		String forApp = TestProvider.idToken(TestProvider.ID, subject, List.of(TestProvider.NATIVE_AUDIENCE), Map.of(),
				3600);

		HttpResponse<String> first = tokenExchange(forKeel, null);
		HttpResponse<String> second = tokenExchange(forApp, null);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(body(first).path("issued_token_type").asString())
			.isEqualTo("urn:ietf:params:oauth:token-type:access_token");
		assertThat(body(first).path("refresh_token").asString()).isNotBlank();
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(claims(body(second).path("access_token").asString()).getSubject())
			.isEqualTo(claims(body(first).path("access_token").asString()).getSubject());
	}

	@Test
	void tokenExchangeChecksTheNonceWhenTheIdTokenHasOne() {
		String nonce = "app-nonce-" + UUID.randomUUID();
		String token = TestProvider.idToken(TestProvider.ID, uniqueSubject(), List.of(TestProvider.CLIENT_ID),
				Map.of("nonce", Secrets.hash(nonce)), 3600);

		assertThat(tokenExchange(token, "another").statusCode()).isEqualTo(400);
		assertThat(tokenExchange(token, nonce).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenExchangeRefusesExpiredForeignAndMisaddressedIdTokensAndCreatesNothing() {
		String subject = uniqueSubject();
		long users = count("users");
		List<String> refused = List.of(
				TestProvider.idToken(TestProvider.ID, subject, List.of(TestProvider.CLIENT_ID), Map.of(), -600),
				TestProvider.idToken(TestProvider.OTHER_ISSUER, subject, List.of(TestProvider.CLIENT_ID), Map.of(),
						3600),
				TestProvider.idToken(TestProvider.ID, subject, List.of("someone-else"), Map.of(), 3600), "not-a-jwt");

		for (String token : refused) {
			HttpResponse<String> response = tokenExchange(token, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(body(response).path("error").asString()).isEqualTo("invalid_grant");
		}
		assertThat(count("users")).isEqualTo(users);
	}

	// --- the browser and the app ---

	private JsonNode signIn(String subject, Map<String, Object> claims) {
		Verifier verifier = new Verifier();
		URI landing = browserSignIn(new Browser(), authorizeUrl(APP_CALLBACK, verifier.challenge()), subject, claims);
		return redeem(landing, verifier);
	}

	private URI browserSignIn(Browser browser, String subject, Map<String, Object> claims) {
		return browserSignIn(browser, authorizeUrl(APP_CALLBACK), subject, claims);
	}

	private URI browserSignIn(Browser browser, String start, String subject, Map<String, Object> claims) {
		String callback = providerLogin(browser, start, subject, claims);
		HttpResponse<String> landing = browser.get(callback);
		assertThat(landing.statusCode()).as(landing.body()).isEqualTo(302);
		URI location = URI.create(Browser.location(landing));
		assertThat(location.toString()).startsWith(APP_CALLBACK + "?");
		return location;
	}

	/** Keel's start URL → the provider's login form → submitted → Keel's callback URL. */
	private String providerLogin(Browser browser, String start, String subject, Map<String, Object> claims) {
		HttpResponse<String> toProvider = browser.get(start);
		assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
		String loginPage = Browser.location(toProvider);
		HttpResponse<String> page = browser.get(loginPage);
		assertThat(page.body()).contains("name=\"username\"");
		HttpResponse<String> submitted = browser.postForm(loginPage,
				Map.of("username", subject, "claims", json.writeValueAsString(claims)));
		String callback = Browser.location(submitted);
		assertThat(callback).startsWith(this.properties.callbackUrl(TestProvider.ID));
		return callback;
	}

	private JsonNode link(String access, String subject, Map<String, Object> claims) {
		Verifier verifier = new Verifier();
		return redeem(linkLanding(access, subject, claims, verifier), verifier);
	}

	private URI linkLanding(String access, String subject, Map<String, Object> claims) {
		return linkLanding(access, subject, claims, new Verifier());
	}

	private URI linkLanding(String access, String subject, Map<String, Object> claims, Verifier verifier) {
		HttpResponse<String> started = api().postJson("/api/auth/me/identities", Map.of("provider", TestProvider.ID,
				"redirect_to", APP_CALLBACK, "code_challenge", verifier.challenge()), bearer(access));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		return browserSignIn(new Browser(), body(started).path("authorizationUrl").asString(), subject, claims);
	}

	private JsonNode redeem(URI landing, Verifier verifier) {
		String code = query(landing).get("code");
		assertThat(code).as(landing.toString()).isNotNull();
		HttpResponse<String> tokens = exchange(code, verifier);
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return body(tokens);
	}

	private HttpResponse<String> exchange(String code) {
		return exchange(code, Verifier.FIXED);
	}

	private HttpResponse<String> exchange(String code, Verifier verifier) {
		return api().postForm("/api/auth/token", form("grant_type", "authorization_code", "code", code, "code_verifier",
				verifier.value(), "redirect_uri", APP_CALLBACK));
	}

	private HttpResponse<String> tokenExchange(String idToken, String nonce) {
		Map<String, String> parameters = form("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
				"subject_token", idToken, "subject_token_type", "urn:ietf:params:oauth:token-type:id_token", "provider",
				TestProvider.ID);
		if (nonce != null) {
			parameters.put("nonce", nonce);
		}
		return api().postForm("/api/auth/token", parameters);
	}

	private String authorizeUrl(String redirectTo) {
		return authorizeUrl(redirectTo, Verifier.FIXED.challenge());
	}

	private String authorizeUrl(String redirectTo, String challenge) {
		return UriComponentsBuilder.fromUriString(api().url("/api/auth/authorize"))
			.queryParam("provider", TestProvider.ID)
			.queryParam("redirect_to", redirectTo)
			.queryParam("code_challenge", challenge)
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();
	}

	private String signUp(String email, boolean verified) {
		HttpResponse<String> signup = api().postJson("/api/auth/signup", Map.of("email", email, "password", PASSWORD));
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
		String id = body(signup).path("id").asString();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("emailVerified", verified),
				"users");
		return id;
	}

	private long count(String collection) {
		return this.mongo.count(new Query(), collection);
	}

	private long count(String collection, String userId) {
		return this.mongo.count(Query.query(Criteria.where("userId").is(userId)), collection);
	}

	private static Map<String, String> query(URI uri) {
		return UriComponentsBuilder.fromUri(uri)
			.build()
			.getQueryParams()
			.toSingleValueMap()
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
					(entry) -> java.net.URLDecoder.decode(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
	}

	private static String uniqueSubject() {
		return "user-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private AuthApi api() {
		return new AuthApi(URI.create(this.properties.appUrl()).getPort());
	}

	/** An app's PKCE verifier and its S256 challenge. */
	private record Verifier(String value) {

		static final Verifier FIXED = new Verifier();

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
