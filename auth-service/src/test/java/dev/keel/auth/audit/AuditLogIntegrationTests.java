package dev.keel.auth.audit;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit log over HTTP with the real user feature: sign-ins, a lockout and an admin's
 * changes leave entries with the right actor, subject, outcome and origin; admins list
 * them in cursor pages; nothing secret is ever stored. Same settings as the account
 * protection tests, so both share one context.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.users.bootstrap-admin-email=" + AuditLogIntegrationTests.ADMIN,
				"keel.auth.users.bootstrap-admin-password=" + AuditLogIntegrationTests.PASSWORD,
				"keel.auth.users.hashing.max-concurrent=1", "keel.auth.users.hashing.max-wait=200ms" })
class AuditLogIntegrationTests {

	static final String ADMIN = "protection-admin@example.com";

	static final String PASSWORD = "correct horse battery staple";

	private static final String WRONG = "wrong guess number ";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AuditJanitor janitor;

	@Test
	void signInsALockoutARoleChangeAndDisablingAreRecordedWithActorSubjectOutcomeAndOrigin() {
		String email = signup();
		String userId = userId(email);
		for (int i = 0; i < 5; i++) {
			assertThat(api().passwordGrant(email, WRONG + i).statusCode()).isEqualTo(400);
		}
		assertThat(api().passwordGrant(email, PASSWORD).statusCode()).isEqualTo(429);
		String admin = api().accessToken(ADMIN);
		String adminId = userId(ADMIN);
		String path = "/api/auth/admin/users/" + userId;
		assertThat(api().patchJson(path, Map.of("roles", List.of("user", "staff")), bearer(admin)).statusCode())
			.isEqualTo(200);
		assertThat(api().patchJson(path, Map.of("disabled", true), bearer(admin)).statusCode()).isEqualTo(200);

		List<JsonNode> entries = entries("subject=" + userId + "&limit=100", admin);

		assertThat(entries).extracting((entry) -> entry.path("action").asString())
			.containsExactly("user_disabled", "roles_changed", "lockout", "sign_in_failed", "sign_in_failed",
					"sign_in_failed", "sign_in_failed", "sign_in_failed", "sign_in");
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.path("subject").asString()).isEqualTo(userId);
			assertThat(entry.path("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
			assertThat(entry.path("userAgent").asString()).isNotBlank();
			assertThat(entry.path("requestId").asString()).isNotBlank();
		});
		assertThat(entries.subList(0, 2)).allSatisfy((change) -> {
			assertThat(change.path("actor").asString()).isEqualTo(adminId);
			assertThat(change.path("outcome").asString()).isEqualTo("success");
		});
		assertThat(entries.subList(2, 8)).allSatisfy((failure) -> {
			assertThat(failure.path("actor").isNull()).isTrue();
			assertThat(failure.path("outcome").asString()).isEqualTo("failure");
			assertThat(failure.path("method").asString()).isEqualTo("password");
		});
		JsonNode signIn = entries.getLast();
		assertThat(signIn.path("actor").asString()).isEqualTo(userId);
		assertThat(signIn.path("outcome").asString()).isEqualTo("success");
		assertThat(signIn.path("method").asString()).isEqualTo("password");
	}

	@Test
	void everyEntryIsPublishedAsAuditRecorded() {
		String email = signup();
		String userId = userId(email);
		String entryId = entries("subject=" + userId + "&action=sign_in", api().accessToken(ADMIN)).getFirst()
			.path("id")
			.asString();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> !TopicRecords
				.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.auth.events", entryId)
				.isEmpty());
		JsonNode event = json
			.readTree(TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.auth.events", entryId)
				.getFirst()
				.value());
		assertThat(event.path("type").asString()).isEqualTo("keel.audit.recorded");
		assertThat(event.path("data").path("subject").asString()).isEqualTo(userId);
		assertThat(event.path("data").path("action").asString()).isEqualTo("sign_in");
		assertThat(event.path("data").path("ip").asString()).isNotBlank();
	}

	@Test
	void adminsPageNewestFirstWithNoGapOrDuplicateAndFilter() {
		String email = signup();
		String userId = userId(email);
		for (int i = 0; i < 6; i++) {
			api().accessToken(email);
		}
		assertThat(api().passwordGrant(email, WRONG).statusCode()).isEqualTo(400);
		String admin = api().accessToken(ADMIN);
		List<JsonNode> all = entries("subject=" + userId + "&limit=100", admin);

		List<JsonNode> paged = new ArrayList<>();
		String cursor = "";
		int pages = 0;
		do {
			JsonNode page = body(get("subject=" + userId + "&limit=3&cursor=" + cursor, admin));
			page.path("items").forEach(paged::add);
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);

		assertThat(all).hasSize(8);
		assertThat(pages).isEqualTo(3);
		assertThat(paged).extracting((entry) -> entry.path("id").asString())
			.containsExactlyElementsOf(all.stream().map((entry) -> entry.path("id").asString()).toList())
			.doesNotHaveDuplicates();
		List<Instant> times = all.stream().map((entry) -> Instant.parse(entry.path("at").asString())).toList();
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(entries("subject=" + userId + "&outcome=failure", admin)).hasSize(1)
			.first()
			.satisfies((failure) -> assertThat(failure.path("action").asString()).isEqualTo("sign_in_failed"));
		assertThat(entries("actor=" + userId + "&action=sign_in", admin)).hasSize(7);
		String from = encode(times.getLast().plusMillis(1).toString());
		assertThat(entries("subject=" + userId + "&from=" + from, admin)).hasSize(7);
		assertThat(entries("subject=" + userId + "&to=" + from, admin)).hasSize(1);
	}

	@Test
	void passwordChangesAndServiceAccountsAreRecordedWithoutTheirSecrets() {
		String email = signup();
		String userId = userId(email);
		String newPassword = "a new and longer passphrase " + UUID.randomUUID();
		assertThat(api()
			.postJson("/api/auth/me/password", Map.of("currentPassword", PASSWORD, "newPassword", newPassword),
					bearer(api().accessToken(email)))
			.statusCode()).isEqualTo(204);
		String admin = api().accessToken(ADMIN);
		String adminId = userId(ADMIN);
		JsonNode client = body(api().postJson("/api/auth/admin/clients",
				Map.of("name", "audited-" + UUID.randomUUID(), "roles", List.of("service")), bearer(admin)));
		String clientId = client.path("clientId").asString();
		String secret = client.path("clientSecret").asString();
		assertThat(
				api()
					.postForm("/api/auth/token",
							AuthApi.form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
									secret))
					.statusCode())
			.isEqualTo(200);
		assertThat(api().delete("/api/auth/admin/clients/" + clientId, bearer(admin)).statusCode()).isEqualTo(204);

		assertThat(entries("subject=" + userId + "&action=password_changed", admin)).singleElement()
			.satisfies((change) -> assertThat(change.path("actor").asString()).isEqualTo(userId));
		assertThat(entries("subject=" + clientId, admin))
			.extracting((entry) -> entry.path("action").asString() + " by " + entry.path("actor").asString())
			.containsExactly("service_account_deleted by " + adminId, "sign_in by " + clientId,
					"service_account_created by " + adminId);
		List<String> stored = storedValues();
		assertThat(stored).noneMatch((entry) -> entry.contains(newPassword) || entry.contains(secret));
	}

	@Test
	void emailedCodeSignInsAreRecordedWithoutTheCodes() {
		String email = signup();
		String userId = userId(email);
		assertThat(api().postJson("/api/auth/otp", Map.of("email", email)).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30)).until(() -> otpCode(userId) != null);
		String code = otpCode(userId);
		String wrong = "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);

		assertThat(otpGrant(email, wrong).statusCode()).isEqualTo(400);
		assertThat(otpGrant(email, code).statusCode()).isEqualTo(200);

		List<JsonNode> otp = entries("subject=" + userId + "&action=sign_in", api().accessToken(ADMIN)).stream()
			.filter((entry) -> "otp".equals(entry.path("method").asString()))
			.toList();
		assertThat(otp).singleElement()
			.satisfies((signIn) -> assertThat(signIn.path("actor").asString()).isEqualTo(userId));
		assertThat(entries("action=sign_in_failed&from=" + encode(Instant.now().minusSeconds(60).toString()),
				api().accessToken(ADMIN)))
			.anySatisfy((failure) -> assertThat(failure.path("method").asString()).isEqualTo("otp"));
		List<String> stored = storedValues();
		assertThat(stored).noneMatch((entry) -> entry.contains(code) || entry.contains(wrong));
	}

	@Test
	void badFiltersAreProblemsAndOnlyAdminsMayRead() {
		String admin = api().accessToken(ADMIN);
		Map<String, String> bad = Map.of("action=dance", "invalid_filter", "outcome=maybe", "invalid_filter",
				"from=yesterday", "invalid_filter", "from=2026-12-08T00:00:00Z&to=2026-12-07T00:00:00Z",
				"invalid_filter", "limit=0", "invalid_limit", "limit=101", "invalid_limit", "cursor=%25%25",
				"invalid_cursor", "cursor=" + Base64.getUrlEncoder().encodeToString("1.nothex".getBytes()),
				"invalid_cursor");
		bad.forEach((query, code) -> {
			HttpResponse<String> response = get(query, admin);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
			assertThat(body(response).path("code").asString()).as(query).isEqualTo(code);
		});
		String user = api().accessToken(signup());
		assertThat(get("", user).statusCode()).isEqualTo(403);
		assertThat(api().get("/api/auth/admin/audit").statusCode()).isEqualTo(401);
	}

	@Test
	void noStoredEntryHoldsThePasswordsItWasGiven() {
		String email = signup();
		userId(email);
		api().passwordGrant(email, WRONG + "secret-x");
		api().passwordGrant(PASSWORD, PASSWORD);

		List<String> stored = storedValues();

		assertThat(stored).isNotEmpty().noneMatch((entry) -> entry.contains(PASSWORD) || entry.contains(WRONG));
	}

	@Test
	void entriesPastTheirRetentionAreNotListedAndTheJanitorRemovesThem() {
		String subject = "expired-" + UUID.randomUUID();
		Instant longAgo = Instant.now().minus(Duration.ofDays(400));
		this.mongo.insert(new Document("_id", new ObjectId().toHexString()).append("at", Date.from(longAgo))
			.append("subject", subject)
			.append("action", "sign_in")
			.append("outcome", "success")
			.append("expiresAt", Date.from(longAgo.plus(Duration.ofDays(365)))), "audit");
		String admin = api().accessToken(ADMIN);

		assertThat(entries("subject=" + subject, admin)).isEmpty();
		this.janitor.removeExpired();
		assertThat(this.mongo.findAll(Document.class, "audit"))
			.noneMatch((entry) -> subject.equals(entry.get("subject")))
			.isNotEmpty();
	}

	/**
	 * The text of every stored entry: all its string values, its outbox included; times
	 * are left out, as their digits could match a code by chance.
	 */
	private List<String> storedValues() {
		return this.mongo.findAll(Document.class, "audit").stream().map(AuditLogIntegrationTests::strings).toList();
	}

	private static String strings(Object value) {
		return switch (value) {
			case null -> "";
			case String text -> text + "\n";
			case Map<?, ?> map ->
				map.values().stream().map(AuditLogIntegrationTests::strings).reduce("", String::concat);
			case List<?> list -> list.stream().map(AuditLogIntegrationTests::strings).reduce("", String::concat);
			default -> "";
		};
	}

	private static String otpCode(String userId) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.auth.events", userId)
			.stream()
			.map((record) -> json.readTree(record.value()))
			.filter((event) -> "keel.user.otp-requested".equals(event.path("type").asString()))
			.map((event) -> event.path("data").path("code").asString())
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> otpGrant(String email, String code) {
		return api().postForm("/api/auth/token",
				AuthApi.form("grant_type", "urn:keel:otp", "email", email, "code", code));
	}

	private List<JsonNode> entries(String query, String token) {
		HttpResponse<String> response = get(query, token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		body(response).path("items").forEach(items::add);
		return items;
	}

	private HttpResponse<String> get(String query, String token) {
		return api().get("/api/auth/admin/audit?" + query, bearer(token));
	}

	private String userId(String email) {
		return body(api().get("/api/auth/me", bearer(api().accessToken(email)))).path("id").asString();
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

	private String signup() {
		String email = "audited-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> response = api().postJson("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Audited"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return email;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
