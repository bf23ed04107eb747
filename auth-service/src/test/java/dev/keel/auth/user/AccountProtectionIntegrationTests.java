package dev.keel.auth.user;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real user feature over HTTP, under the attacks of issue 13: login bursts, parallel
 * guesses, mail floods, and role changes, disabling and enabling that must reach the
 * topic. One hash at a time and a short wait, so that a burst meets the bulkhead quickly.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.users.bootstrap-admin-email=" + AccountProtectionIntegrationTests.ADMIN,
				"keel.auth.users.bootstrap-admin-password=" + AccountProtectionIntegrationTests.PASSWORD,
				"keel.auth.users.hashing.max-concurrent=1", "keel.auth.users.hashing.max-wait=200ms" })
class AccountProtectionIntegrationTests {

	static final String ADMIN = "protection-admin@example.com";

	static final String PASSWORD = "correct horse battery staple";

	private static final String TOPIC = "keel.auth.events";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void aBurstOfLoginsGetsOnlyRefusalsOrRetryLaterAndAGoodLoginWorksRightAfter() throws Exception {
		String good = signup();
		List<HttpResponse<String>> burst = inParallel(100,
				(i) -> api().passwordGrant("nobody-" + i + "-" + UUID.randomUUID() + "@example.com", "wrong guess"));

		assertThat(burst).extracting(HttpResponse::statusCode).containsOnly(400, 503).contains(503);
		assertThat(burst).filteredOn((response) -> response.statusCode() == 503).allSatisfy((busy) -> {
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(body(busy).path("error").asString()).isEqualTo("temporarily_unavailable");
			assertThat(body(busy).path("error_description").asString()).isNotBlank();
		});
		assertThat(api().passwordGrant(good, PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void twentyParallelGuessesCheckAtMostFiveAndTheAccountLocksEvenForTheRightPassword() throws Exception {
		String email = signup();
		List<HttpResponse<String>> guesses = inParallel(20, (i) -> api().passwordGrant(email, "wrong guess " + i));

		assertThat(guesses).extracting(HttpResponse::statusCode).containsOnly(400, 429, 503);
		long checked = guesses.stream().filter((response) -> response.statusCode() == 400).count();
		assertThat(checked).isLessThanOrEqualTo(5);
		// Guesses refused as busy checked nothing and were given back: the guesser may go
		// on, one at a time, until five checks in all, and no further.
		for (int i = 0; i < 20 && checked < 5; i++) {
			HttpResponse<String> guess = api().passwordGrant(email, "another wrong guess " + i);
			assertThat(guess.statusCode()).isIn(400, 503);
			checked += (guess.statusCode() == 400) ? 1 : 0;
		}
		assertThat(checked).isEqualTo(5);
		HttpResponse<String> right = api().passwordGrant(email, PASSWORD);
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(right.headers().firstValue("Retry-After")).isPresent();
		assertThat(body(right).path("error").asString()).isEqualTo("rate_limited");
	}

	@Test
	void tenQuickResendsSendOneEmailAndTenForgotPasswordsOne() {
		String email = signup();
		String token = api().accessToken(email);
		String userId = body(api().get("/api/auth/me", bearer(token))).path("id").asString();

		List<HttpResponse<String>> resends = IntStream.range(0, 10)
			.mapToObj((i) -> api().post("/api/auth/email/resend", null, "", bearer(token)))
			.toList();
		List<HttpResponse<String>> forgots = IntStream.range(0, 10)
			.mapToObj((i) -> api().postJson("/api/auth/password/forgot", Map.of("email", email)))
			.toList();

		assertThat(resends.getFirst().statusCode()).isEqualTo(202);
		assertThat(resends.subList(1, 10)).allSatisfy((throttled) -> {
			assertThat(throttled.statusCode()).isEqualTo(429);
			assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
			assertThat(body(throttled).path("code").asString()).isEqualTo("rate_limited");
		});
		assertThat(forgots).extracting(HttpResponse::statusCode).containsOnly(202);
		List<String> types = awaitEvents(userId, "keel.user.password-reset-requested");
		// the signup's own verification email, then the one resend that went through
		assertThat(types).filteredOn("keel.user.email-verification-requested"::equals).hasSize(2);
		assertThat(types).filteredOn("keel.user.password-reset-requested"::equals).hasSize(1);
	}

	@Test
	void changingRolesPublishesRolesChangedAndRepeatingThemDoesNot() {
		String email = signup();
		String admin = api().accessToken(ADMIN);
		String userId = body(api().get("/api/auth/me", bearer(api().accessToken(email)))).path("id").asString();
		String path = "/api/auth/admin/users/" + userId;

		assertThat(api().patchJson(path, Map.of("roles", List.of("user", "staff")), bearer(admin)).statusCode())
			.isEqualTo(200);
		assertThat(api().patchJson(path, Map.of("roles", List.of("staff", "user")), bearer(admin)).statusCode())
			.isEqualTo(200);
		assertThat(api().patchJson(path, Map.of("roles", List.of("user")), bearer(admin)).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).until(() -> rolesChanged(userId).size() >= 2);
		List<JsonNode> changes = rolesChanged(userId);
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0).path("data").path("roles").values()).extracting(JsonNode::asString)
			.containsExactly("user", "staff");
		assertThat(changes.get(0).path("data").path("email").asString()).isEqualTo(email);
		assertThat(changes.get(1).path("data").path("roles").values()).extracting(JsonNode::asString)
			.containsExactly("user");
	}

	@Test
	void enablingADisabledUserPublishesEnabledAfterDisabledAndEnablingAgainDoesNot() {
		String email = signup();
		String admin = api().accessToken(ADMIN);
		String userId = body(api().get("/api/auth/me", bearer(api().accessToken(email)))).path("id").asString();
		String path = "/api/auth/admin/users/" + userId;

		assertThat(api().patchJson(path, Map.of("disabled", true), bearer(admin)).statusCode()).isEqualTo(200);
		assertThat(api().passwordGrant(email, PASSWORD).statusCode()).isEqualTo(400);
		HttpResponse<String> enabled = api().patchJson(path,
				Map.of("disabled", false, "roles", List.of("user", "staff")), bearer(admin));
		assertThat(enabled.statusCode()).isEqualTo(200);
		assertThat(body(enabled).path("disabled").asBoolean()).isFalse();
		assertThat(api().patchJson(path, Map.of("disabled", false), bearer(admin)).statusCode()).isEqualTo(200);
		assertThat(api().patchJson(path, Map.of("roles", List.of("user")), bearer(admin)).statusCode()).isEqualTo(200);
		assertThat(api().passwordGrant(email, PASSWORD).statusCode()).isEqualTo(200);

		// the last role change comes after anything the repeated enabling could have
		// published
		await().atMost(Duration.ofSeconds(30)).until(() -> rolesChanged(userId).size() >= 2);
		List<JsonNode> changes = events(userId).stream()
			.filter((event) -> Set.of("keel.user.disabled", "keel.user.enabled", "keel.user.roles-changed")
				.contains(event.path("type").asString()))
			.toList();
		assertThat(changes).extracting((event) -> event.path("type").asString())
			.containsExactly("keel.user.disabled", "keel.user.roles-changed", "keel.user.enabled",
					"keel.user.roles-changed");
		assertThat(changes.get(2).path("data").path("userId").asString()).isEqualTo(userId);
		assertThat(changes.get(2).path("data").path("email").asString()).isEqualTo(email);
	}

	@Test
	void adminsDisablingAndEnablingAUserAtOnceLeaveTheLastEventTellingTheTruth() throws Exception {
		String email = signup();
		String admin = api().accessToken(ADMIN);
		String userId = body(api().get("/api/auth/me", bearer(api().accessToken(email)))).path("id").asString();
		String path = "/api/auth/admin/users/" + userId;

		List<HttpResponse<String>> patches = inParallel(16,
				(i) -> api().patchJson(path, Map.of("disabled", i % 2 == 0), bearer(admin)));
		assertThat(patches).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(api().patchJson(path, Map.of("roles", List.of("user", "marker")), bearer(admin)).statusCode())
			.isEqualTo(200);
		boolean disabled = body(api().get(path, bearer(admin))).path("disabled").asBoolean();

		// the role change comes after every turn the parallel patches published
		await().atMost(Duration.ofSeconds(30)).until(() -> !rolesChanged(userId).isEmpty());
		List<String> turns = events(userId).stream()
			.map((event) -> event.path("type").asString())
			.filter((type) -> type.equals("keel.user.disabled") || type.equals("keel.user.enabled"))
			.toList();
		assertThat(turns).isNotEmpty().first().isEqualTo("keel.user.disabled");
		for (int i = 1; i < turns.size(); i++) {
			assertThat(turns.get(i)).as("turn %d of %s", i, turns).isNotEqualTo(turns.get(i - 1));
		}
		assertThat(turns.getLast()).isEqualTo(disabled ? "keel.user.disabled" : "keel.user.enabled");
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

	private String signup() {
		String email = "protected-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> response = api().postJson("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Protected"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return email;
	}

	private static List<JsonNode> events(String userId) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, userId)
			.stream()
			.map(ConsumerRecord::value)
			.map(json::readTree)
			.toList();
	}

	private static List<JsonNode> rolesChanged(String userId) {
		return events(userId).stream()
			.filter((event) -> "keel.user.roles-changed".equals(event.path("type").asString()))
			.toList();
	}

	/** The user's event types, once the last expected one has been published. */
	private static List<String> awaitEvents(String userId, String last) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> events(userId).stream().anyMatch((event) -> last.equals(event.path("type").asString())));
		return events(userId).stream().map((event) -> event.path("type").asString()).toList();
	}

	private static <T> List<T> inParallel(int count, IndexedCall<T> call) throws Exception {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Callable<T>> calls = IntStream.range(0, count)
				.<Callable<T>>mapToObj((i) -> () -> call.call(i))
				.toList();
			List<T> results = new java.util.ArrayList<>();
			for (Future<T> future : executor.invokeAll(calls)) {
				results.add(future.get());
			}
			return results;
		}
	}

	@FunctionalInterface
	private interface IndexedCall<T> {

		T call(int index) throws Exception;

	}

}
