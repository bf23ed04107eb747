package dev.keel.auth.user;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.handoff.Pkce;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.claims;
import static dev.keel.auth.AuthApi.form;
import static dev.keel.auth.AuthServiceIntegrationTest.APP_CALLBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The link in a passwordless sign-in email: requested with an allowed {@code redirect_to}
 * and a PKCE challenge, opened on {@code /account/sign-in} (the GET spends nothing, the
 * POST hands over to the app with a one-time code), exchanged at the token endpoint with
 * the verifier. The same context as {@link OtpIntegrationTests}.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.handoff.redirect-allow-list=" + AuthServiceIntegrationTest.APP_CALLBACK })
class MagicLinkIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final String VERIFIER = "magic-link-verifier-" + "x".repeat(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theLinkSignsInOnceThroughThePageAndTheHandoff() {
		String email = signup();
		String userId = userId(email);
		assertThat(requestLink(email, APP_CALLBACK).statusCode()).isEqualTo(202);
		JsonNode sent = awaitOtpEvent(userId);
		String token = sent.path("token").asString();

		HttpResponse<String> page = api().get("/account/sign-in?token=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<form method=\"post\" action=\"/account/sign-in\">").contains("Sign me in");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("form-action 'self' https://app.example.com;"));
		assertThat(api().get("/account/sign-in?token=" + token).statusCode()).as("a GET spends nothing").isEqualTo(200);

		HttpResponse<String> signedIn = submit(token);
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
		String location = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(APP_CALLBACK + "?code=");
		HttpResponse<String> tokens = exchange(location.substring(location.indexOf("code=") + 5));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		String accessToken = body(tokens).path("access_token").asString();
		assertThat(claims(accessToken).getSubject()).isEqualTo(userId);
		assertThat(body(api().get("/api/auth/me", bearer(accessToken))).path("emailVerified").asBoolean()).isTrue();

		HttpResponse<String> again = submit(token);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("This link can no longer be used");
		assertThat(api().get("/account/sign-in?token=" + token).body()).contains("This link can no longer be used");
		assertThat(otpGrant(email, sent.path("code").asString()).statusCode()).as("the link ended the code")
			.isEqualTo(400);
	}

	@Test
	void theCodeEndsTheLinkOfTheSameEmail() {
		String email = signup();
		String userId = userId(email);
		requestLink(email, APP_CALLBACK);
		JsonNode sent = awaitOtpEvent(userId);

		assertThat(otpGrant(email, sent.path("code").asString()).statusCode()).isEqualTo(200);
		assertThat(submit(sent.path("token").asString()).statusCode()).isEqualTo(400);
	}

	@Test
	void anExpiredLinkShowsAClearPage() {
		String email = signup();
		String userId = userId(email);
		requestLink(email, APP_CALLBACK);
		String token = awaitOtpEvent(userId).path("token").asString();
		// ten minutes pass
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
				new Update().set("expiresAt", Date.from(Instant.now().minusSeconds(1))), "otp_codes");

		HttpResponse<String> page = api().get("/account/sign-in?token=" + token);
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("This link can no longer be used").contains("10 minutes");
		assertThat(submit(token).statusCode()).isEqualTo(400);
	}

	@Test
	void aRedirectOffTheAllowListIsRefusedBeforeAnythingIsSent() {
		String email = signup();
		String userId = userId(email);

		for (String redirect : List.of("https://app.example.com.evil.com/callback", "https://app.example.com@evil.com/",
				"javascript:alert(1)", "//evil.com")) {
			HttpResponse<String> refused = requestLink(email, redirect);
			assertThat(refused.statusCode()).as(redirect).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.body()).contains("redirect_to");
		}
		assertProblem(api().postJson("/api/auth/otp", Map.of("email", email, "redirect_to", APP_CALLBACK)),
				"code_challenge");
		assertProblem(
				api().postJson("/api/auth/otp",
						Map.of("email", email, "redirect_to", APP_CALLBACK, "code_challenge", "short")),
				"code_challenge");
		assertProblem(
				api()
					.postJson("/api/auth/otp",
							Map.of("email", email, "redirect_to", APP_CALLBACK, "code_challenge",
									Pkce.challenge(VERIFIER), "code_challenge_method", "plain")),
				"code_challenge_method");
		assertProblem(
				api().postJson("/api/auth/otp", Map.of("email", email, "code_challenge", Pkce.challenge(VERIFIER))),
				"code_challenge");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> otpEvents(userId).isEmpty());
		// and the throttle was not spent: a valid request right after sends the email
		assertThat(requestLink(email, APP_CALLBACK).statusCode()).isEqualTo(202);
		awaitOtpEvent(userId);
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerWithALink() {
		HttpResponse<String> answer = requestLink("nobody-" + UUID.randomUUID() + "@example.com", APP_CALLBACK);
		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(answer.body()).isEmpty();
	}

	@Test
	void aLinkWithoutItsVerifierGivesTheAppNothing() {
		String email = signup();
		String userId = userId(email);
		requestLink(email, APP_CALLBACK);
		HttpResponse<String> signedIn = submit(awaitOtpEvent(userId).path("token").asString());
		String location = signedIn.headers().firstValue("Location").orElseThrow();
		String code = location.substring(location.indexOf("code=") + 5);

		HttpResponse<String> stolen = api().postForm("/api/auth/token", form("grant_type", "authorization_code", "code",
				code, "code_verifier", "another-verifier-" + "y".repeat(30), "redirect_uri", APP_CALLBACK));
		assertThat(stolen.statusCode()).isEqualTo(400);
		assertThat(body(stolen).path("error").asString()).isEqualTo("invalid_grant");
		assertThat(exchange(code).statusCode()).as("the refused attempt spent the code").isEqualTo(400);
	}

	private static void assertProblem(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"" + field + "\"");
	}

	private HttpResponse<String> requestLink(String email, String redirect) {
		return api().postJson("/api/auth/otp",
				Map.of("email", email, "redirect_to", redirect, "code_challenge", Pkce.challenge(VERIFIER)));
	}

	private HttpResponse<String> submit(String token) {
		return api().postForm("/account/sign-in", form("token", token));
	}

	private HttpResponse<String> exchange(String code) {
		return api().postForm("/api/auth/token", form("grant_type", "authorization_code", "code", code, "code_verifier",
				VERIFIER, "redirect_uri", APP_CALLBACK));
	}

	private HttpResponse<String> otpGrant(String email, String code) {
		return api().postForm("/api/auth/token", form("grant_type", "urn:keel:otp", "email", email, "code", code));
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

	private String signup() {
		String email = "link-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> response = api().postJson("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Link"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return email;
	}

	private String userId(String email) {
		HttpResponse<String> login = api().passwordGrant(email, PASSWORD);
		return body(api().get("/api/auth/me", bearer(body(login).path("access_token").asString()))).path("id")
			.asString();
	}

	private static List<JsonNode> otpEvents(String userId) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.auth.events", userId)
			.stream()
			.map(ConsumerRecord::value)
			.map(json::readTree)
			.filter((event) -> "keel.user.otp-requested".equals(event.path("type").asString()))
			.toList();
	}

	private static JsonNode awaitOtpEvent(String userId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !otpEvents(userId).isEmpty());
		return otpEvents(userId).getLast().path("data");
	}

}
