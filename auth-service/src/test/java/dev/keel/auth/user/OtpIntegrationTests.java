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
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passwordless email sign-in over HTTP: a code from {@code POST /api/auth/otp}, as the
 * email event carries it, redeemed at the token endpoint.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.handoff.redirect-allow-list=" + AuthServiceIntegrationTest.APP_CALLBACK })
class OtpIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final String TOPIC = "keel.auth.events";

	private static final String OTP_REQUESTED = "keel.user.otp-requested";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theEmailedCodeSignsTheUserInOnceAndVerifiesTheAddress() {
		String email = signup();
		String userId = userId(email);
		assertThat(requestCode(email).statusCode()).isEqualTo(202);
		JsonNode sent = awaitOtpEvents(userId).getFirst().path("data");

		assertThat(sent.path("email").asString()).isEqualTo(email);
		// no redirect_to: no link, the email carries the code only
		assertThat(sent.path("token").isNull() || sent.path("token").isMissingNode()).isTrue();
		assertThat(sent.path("expiresAt").asString())
			.satisfies((expiry) -> assertThat(Instant.parse(expiry)).isBefore(Instant.now().plusSeconds(601)));
		HttpResponse<String> signedIn = otpGrant(email, sent.path("code").asString());
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		String accessToken = body(signedIn).path("access_token").asString();
		assertThat(body(signedIn).path("refresh_token").asString()).isNotBlank();
		JsonNode me = body(api().get("/api/auth/me", bearer(accessToken)));
		assertThat(me.path("id").asString()).isEqualTo(userId);
		assertThat(me.path("emailVerified").asBoolean()).isTrue();

		HttpResponse<String> again = otpGrant(email, sent.path("code").asString());
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(body(again).path("error").asString()).isEqualTo("invalid_grant");
		assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void fiveWrongCodesEndTheCode() {
		String email = signup();
		String userId = userId(email);
		requestCode(email);
		String code = awaitOtpEvents(userId).getFirst().path("data").path("code").asString();

		for (int i = 0; i < OtpCodes.MAX_GUESSES; i++) {
			HttpResponse<String> wrong = otpGrant(email, wrongCode(code, i));
			assertThat(wrong.statusCode()).isEqualTo(400);
			assertThat(body(wrong).path("error").asString()).isEqualTo("invalid_grant");
		}
		HttpResponse<String> right = otpGrant(email, code);
		assertThat(right.statusCode()).isEqualTo(400);
		assertThat(body(right).path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void fourWrongCodesStillLeaveTheRightOneWorking() {
		String email = signup();
		String userId = userId(email);
		requestCode(email);
		String code = awaitOtpEvents(userId).getFirst().path("data").path("code").asString();

		for (int i = 0; i < OtpCodes.MAX_GUESSES - 1; i++) {
			assertThat(otpGrant(email, wrongCode(code, i)).statusCode()).isEqualTo(400);
		}
		assertThat(otpGrant(email, code).statusCode()).isEqualTo(200);
	}

	@Test
	void anExpiredCodeIsRefused() {
		String email = signup();
		String userId = userId(email);
		requestCode(email);
		String code = awaitOtpEvents(userId).getFirst().path("data").path("code").asString();
		// ten minutes pass
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
				new Update().set("expiresAt", Date.from(Instant.now().minusSeconds(1))), "otp_codes");

		HttpResponse<String> expired = otpGrant(email, code);
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(body(expired).path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void anAddressGetsAtMostOneCodePerMinute() {
		String email = signup();
		String userId = userId(email);

		assertThat(List.of(requestCode(email), requestCode(email), requestCode(email.toUpperCase())))
			.extracting(HttpResponse::statusCode)
			.containsOnly(202);
		awaitOtpEvents(userId);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> otpEvents(userId).size() == 1);
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoEmail() {
		String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> answer = requestCode(unknown);
		String email = signup();
		requestCode(email);

		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(answer.body()).isEmpty();
		awaitOtpEvents(userId(email));
		assertThat(TopicRecords.all(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC))
			.extracting(ConsumerRecord::value)
			.noneMatch((value) -> value.contains(unknown));
		assertThat(otpGrant(unknown, "123456").statusCode()).isEqualTo(400);
	}

	@Test
	void aRequestWithoutAnEmailIsAProblemAndAGrantWithoutACodeAnInvalidRequest() {
		HttpResponse<String> noEmail = api().postJson("/api/auth/otp", Map.of());
		assertThat(noEmail.statusCode()).isEqualTo(400);
		assertThat(noEmail.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> noCode = api().postForm("/api/auth/token",
				form("grant_type", "urn:keel:otp", "email", "someone@example.com"));
		assertThat(noCode.statusCode()).isEqualTo(400);
		assertThat(body(noCode).path("error").asString()).isEqualTo("invalid_request");
	}

	private static String wrongCode(String code, int i) {
		return "%06d".formatted((Integer.parseInt(code) + 1 + i) % 1_000_000);
	}

	private HttpResponse<String> requestCode(String email) {
		return api().postJson("/api/auth/otp", Map.of("email", email));
	}

	private HttpResponse<String> otpGrant(String email, String code) {
		return api().postForm("/api/auth/token", form("grant_type", "urn:keel:otp", "email", email, "code", code));
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

	private String signup() {
		String email = "otp-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> response = api().postJson("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Otp"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return email;
	}

	private String userId(String email) {
		HttpResponse<String> login = api().passwordGrant(email, PASSWORD);
		return body(api().get("/api/auth/me", bearer(body(login).path("access_token").asString()))).path("id")
			.asString();
	}

	private static List<JsonNode> otpEvents(String userId) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, userId)
			.stream()
			.map(ConsumerRecord::value)
			.map(json::readTree)
			.filter((event) -> OTP_REQUESTED.equals(event.path("type").asString()))
			.toList();
	}

	private static List<JsonNode> awaitOtpEvents(String userId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !otpEvents(userId).isEmpty());
		return otpEvents(userId);
	}

}
