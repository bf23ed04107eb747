package dev.keel.auth.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static dev.keel.auth.AuthApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages over the real user feature: the links that the security emails carry verify
 * the address and set a new password, once each. The same context as
 * {@code AccountProtectionIntegrationTests} (same settings), so no second one starts.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.users.bootstrap-admin-email=protection-admin@example.com",
				"keel.auth.users.bootstrap-admin-password=correct horse battery staple",
				"keel.auth.users.hashing.max-concurrent=1", "keel.auth.users.hashing.max-wait=200ms" })
class AccountPagesRecoveryIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	AccountPageClient pages;

	@BeforeEach
	void connect() {
		this.pages = new AccountPageClient(this.port);
	}

	@Test
	void theVerificationLinkConfirmsTheAddressOnce() {
		String email = "pages-" + UUID.randomUUID() + "@example.com";
		String userId = signup(email);
		String token = linkToken(userId, "keel.user.email-verification-requested");

		assertThat(this.pages.get("/account/verify-email?token=" + token, 200)).contains("Confirm my email address");
		assertThat(this.pages.submit("/account/verify-email", Map.of("token", token), 200))
			.contains("Your email address is confirmed");
		assertThat(this.pages.submit("/account/verify-email", Map.of("token", token), 400))
			.contains("This link can no longer be used");
		String access = api().accessToken(email);
		assertThat(body(api().get("/api/auth/me", AuthApi.bearer(access))).path("emailVerified").asBoolean()).isTrue();
	}

	@Test
	void theResetLinkRefusesAWeakPasswordThenSetsTheNewOne() {
		String email = "pages-" + UUID.randomUUID() + "@example.com";
		String userId = signup(email);
		assertThat(this.pages.submit("/account/forgot-password", Map.of("email", email), 200))
			.contains("If an account exists for that address, we sent a link");
		String token = linkToken(userId, "keel.user.password-reset-requested");

		assertThat(this.pages.submit("/account/reset-password",
				Map.of("token", token, "password", "short", "confirm", "short"), 400))
			.contains("The new password must be");
		String newPassword = "a brand new passphrase";
		assertThat(this.pages.submit("/account/reset-password",
				Map.of("token", token, "password", newPassword, "confirm", newPassword), 200))
			.contains("Your password has been changed");
		assertThat(api().passwordGrant(email, newPassword).statusCode()).isEqualTo(200);
		assertThat(this.pages.submit("/account/reset-password",
				Map.of("token", token, "password", newPassword, "confirm", newPassword), 400))
			.contains("This link can no longer be used");
	}

	@Test
	void anAddressTheApiWouldRefuseShowsTheFormAgain() {
		String tooLong = "a".repeat(250) + "@example.com";
		assertThat(this.pages.submit("/account/forgot-password", Map.of("email", tooLong), 400))
			.contains("Enter a valid email address.");
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

	private String signup(String email) {
		HttpResponse<String> response = api().postJson("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Pages"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return body(response).path("id").asString();
	}

	/** The link token of the user's latest event of the type, once it is published. */
	private static String linkToken(String userId, String type) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !ofType(userId, type).isEmpty());
		return ofType(userId, type).getLast().path("data").path("token").asString();
	}

	private static List<JsonNode> ofType(String userId, String type) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.auth.events", userId)
			.stream()
			.map(ConsumerRecord::value)
			.map(json::readTree)
			.filter((event) -> type.equals(event.path("type").asString()))
			.toList();
	}

}
