package dev.keel.auth.user;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.claims;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anonymous users over HTTP: the {@code urn:keel:anonymous} grant, and the upgrade in
 * place that keeps the id.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.users.anonymous.signups-enabled=true",
				"keel.auth.users.bootstrap-admin-email=" + AnonymousUserIntegrationTests.ADMIN,
				"keel.auth.users.bootstrap-admin-password=" + AnonymousUserIntegrationTests.PASSWORD })
class AnonymousUserIntegrationTests {

	static final String ADMIN = "anonymous-admin@example.com";

	static final String PASSWORD = "correct horse battery staple";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Users users;

	@Test
	void anonymousGrantSignsInANewUserWithNoEmailAndTheAnonymousRoleAndClaim() throws Exception {
		JsonNode first = anonymousSignIn();
		JsonNode second = anonymousSignIn();
		JWTClaimsSet claims = claims(first.path("access_token").asString());

		assertThat(first.path("refresh_token").asString()).isNotBlank();
		assertThat(claims.getStringListClaim("roles")).containsExactly("anonymous");
		assertThat(claims.getBooleanClaim("anonymous")).isTrue();
		assertThat(claims.getClaim("email")).isNull();
		assertThat(claims(second.path("access_token").asString()).getSubject()).isNotEqualTo(claims.getSubject());
		JsonNode me = body(api().get("/api/auth/me", bearer(first.path("access_token").asString())));
		assertThat(me.path("id").asString()).isEqualTo(claims.getSubject());
		assertThat(me.path("email").isNull()).isTrue();
		HttpResponse<String> refreshed = api().refreshGrant(first.path("refresh_token").asString());
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		assertThat(claims(body(refreshed).path("access_token").asString()).getBooleanClaim("anonymous")).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !events(claims.getSubject(), "keel.user.registered").isEmpty());
		assertThat(
				events(claims.getSubject(), "keel.user.registered").getFirst().path("data").path("method").asString())
			.isEqualTo("anonymous");
	}

	@Test
	void upgradeKeepsTheIdDropsTheAnonymousRoleAndSendsTheVerificationEmail() throws Exception {
		JsonNode session = anonymousSignIn();
		String id = claims(session.path("access_token").asString()).getSubject();
		String email = "upgraded-" + UUID.randomUUID() + "@example.com";

		HttpResponse<String> upgraded = upgrade(session, email, PASSWORD);

		assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(200);
		assertThat(body(upgraded).path("id").asString()).isEqualTo(id);
		assertThat(body(upgraded).path("email").asString()).isEqualTo(email);
		assertThat(body(upgraded).path("roles").values()).extracting(JsonNode::asString).containsExactly("user");
		JWTClaimsSet login = claims(api().accessToken(email));
		assertThat(login.getSubject()).isEqualTo(id);
		assertThat(login.getStringListClaim("roles")).containsExactly("user");
		assertThat(login.getClaim("anonymous")).isNull();
		JWTClaimsSet refreshed = claims(
				body(api().refreshGrant(session.path("refresh_token").asString())).path("access_token").asString());
		assertThat(refreshed.getSubject()).isEqualTo(id);
		assertThat(refreshed.getStringClaim("email")).isEqualTo(email);
		assertThat(refreshed.getClaim("anonymous")).isNull();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !events(id, "keel.user.email-verification-requested").isEmpty());
		assertThat(events(id, "keel.user.upgraded")).singleElement()
			.satisfies((event) -> assertThat(event.path("data").path("email").asString()).isEqualTo(email));
		assertThat(
				events(id, "keel.user.email-verification-requested").getFirst().path("data").path("email").asString())
			.isEqualTo(email);
	}

	@Test
	void upgradeToAnEmailThatHasAnAccountGivesEmailTakenAndLeavesTheUserAnonymous() {
		String taken = "taken-" + UUID.randomUUID() + "@example.com";
		assertThat(api().postJson("/api/auth/signup", Map.of("email", taken, "password", PASSWORD)).statusCode())
			.isEqualTo(201);
		JsonNode session = anonymousSignIn();

		HttpResponse<String> refused = upgrade(session, taken.toUpperCase(java.util.Locale.ROOT), PASSWORD);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(body(refused).path("code").asString()).isEqualTo("email_taken");
		JsonNode me = body(api().get("/api/auth/me", bearer(session.path("access_token").asString())));
		assertThat(me.path("roles").values()).extracting(JsonNode::asString).containsExactly("anonymous");
	}

	@Test
	void onlyAnAnonymousUserCanBeUpgradedAndOnlyOnce() {
		JsonNode session = anonymousSignIn();
		assertThat(upgrade(session, "once-" + UUID.randomUUID() + "@example.com", PASSWORD).statusCode())
			.isEqualTo(200);

		HttpResponse<String> again = upgrade(session, "twice-" + UUID.randomUUID() + "@example.com", PASSWORD);

		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(body(again).path("code").asString()).isEqualTo("not_anonymous");
	}

	@Test
	void upgradeWithAWeakPasswordOrABadEmailIsRefusedAndChangesNothing() {
		JsonNode session = anonymousSignIn();

		HttpResponse<String> weak = upgrade(session, "weak-" + UUID.randomUUID() + "@example.com", "password");
		HttpResponse<String> badEmail = upgrade(session, "not an email", PASSWORD);

		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(badEmail.statusCode()).isEqualTo(400);
		JsonNode me = body(api().get("/api/auth/me", bearer(session.path("access_token").asString())));
		assertThat(me.path("roles").values()).extracting(JsonNode::asString).containsExactly("anonymous");
	}

	@Test
	void anAdminRemovesAnonymousUsersOlderThanTheGivenDaysAndTheirSessionsEnd() throws Exception {
		JsonNode stale = anonymousSignIn();
		JsonNode staleUpgraded = anonymousSignIn();
		JsonNode fresh = anonymousSignIn();
		assertThat(upgrade(staleUpgraded, "kept-" + UUID.randomUUID() + "@example.com", PASSWORD).statusCode())
			.isEqualTo(200);
		createdDaysAgo(stale, 31);
		createdDaysAgo(staleUpgraded, 31);
		String admin = api().accessToken(ADMIN);

		HttpResponse<String> removed = api().delete("/api/auth/admin/users/anonymous?olderThanDays=30", bearer(admin));

		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertThat(body(removed).path("removed").asLong()).isEqualTo(1);
		assertThat(api().refreshGrant(stale.path("refresh_token").asString()).statusCode()).isEqualTo(400);
		assertThat(api().refreshGrant(staleUpgraded.path("refresh_token").asString()).statusCode()).isEqualTo(200);
		assertThat(api().refreshGrant(fresh.path("refresh_token").asString()).statusCode()).isEqualTo(200);
	}

	@Test
	void onlyAnAdminRemovesAnonymousUsersAndOnlyWithAtLeastOneDay() {
		JsonNode anonymous = anonymousSignIn();
		String admin = api().accessToken(ADMIN);

		assertThat(api()
			.delete("/api/auth/admin/users/anonymous?olderThanDays=30",
					bearer(anonymous.path("access_token").asString()))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> zero = api().delete("/api/auth/admin/users/anonymous?olderThanDays=0", bearer(admin));
		assertThat(zero.statusCode()).isEqualTo(400);
		assertThat(zero.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api().refreshGrant(anonymous.path("refresh_token").asString()).statusCode()).isEqualTo(200);
	}

	@Test
	void anOlderNonSparseEmailIndexIsReplacedAtStartSoAnonymousUsersFitAndEmailsStayUnique() {
		// as a database from before anonymous users: none without an email
		this.mongo.remove(Query.query(Criteria.where("email").exists(false)), "users");
		this.mongo.indexOps("users").dropIndex("email_unique");
		this.mongo.indexOps("users").createIndex(new Index("email", Sort.Direction.ASC).unique().named("email_unique"));

		this.users.afterPropertiesSet();

		assertThat(this.mongo.indexOps("users").getIndexInfo())
			.filteredOn((index) -> index.getName().equals("email_unique"))
			.singleElement()
			.satisfies((index) -> assertThat(index.isUnique() && index.isSparse()).isTrue());
		anonymousSignIn();
		anonymousSignIn();
		String email = "unique-" + UUID.randomUUID() + "@example.com";
		assertThat(api().postJson("/api/auth/signup", Map.of("email", email, "password", PASSWORD)).statusCode())
			.isEqualTo(201);
		assertThat(api().postJson("/api/auth/signup", Map.of("email", email, "password", PASSWORD)).statusCode())
			.isEqualTo(409);
	}

	private void createdDaysAgo(JsonNode session, int days) throws Exception {
		String id = claims(session.path("access_token").asString()).getSubject();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("createdAt", Instant.now().minus(Duration.ofDays(days))), "users");
	}

	private HttpResponse<String> upgrade(JsonNode session, String email, String password) {
		return api().postJson("/api/auth/me/upgrade", Map.of("email", email, "password", password),
				bearer(session.path("access_token").asString()));
	}

	private JsonNode anonymousSignIn() {
		HttpResponse<String> response = api().postForm("/api/auth/token", form("grant_type", "urn:keel:anonymous"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

	private static List<JsonNode> events(String userId, String type) {
		return TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), "keel.auth.events", userId)
			.stream()
			.map(ConsumerRecord::value)
			.map(json::readTree)
			.filter((event) -> type.equals(event.path("type").asString()))
			.toList();
	}

}
