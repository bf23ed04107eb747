package dev.keel.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Accounts.Session;
import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts through the gateway (API.md §2): signup, profile, verification, reset,
 * lockout, admin.
 */
@ExtendWith(RunningPlatform.class)
class AccountSystemTests {

	@Test
	void signupAnswersTheUserWithoutSecrets() {
		String email = Accounts.newEmail();
		Reply reply = Api.post("/api/auth/signup", null,
				Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Ada"));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.field("email")).isEqualTo(email);
		assertThat(reply.field("displayName")).isEqualTo("Ada");
		assertThat(reply.body().path("emailVerified").asBoolean(true)).isFalse();
		assertThat(reply.body().path("roles").toString()).contains("user");
		assertThat(reply.field("createdAt")).endsWith("Z");
		assertThat(reply.body().toString()).doesNotContain("password").doesNotContain("argon2");
	}

	@Test
	void signupRefusesBadInputWithFieldErrors() {
		assertFieldError(Map.of("email", Accounts.newEmail(), "password", "short1!"), "password");
		assertFieldError(Map.of("email", Accounts.newEmail(), "password", "x".repeat(129)), "password");
		assertFieldError(Map.of("email", Accounts.newEmail(), "password", "password123"), "password");
		assertFieldError(Map.of("email", "not-an-email", "password", Accounts.PASSWORD), "email");
		assertFieldError(Map.of("email", Accounts.newEmail(), "password", Accounts.PASSWORD, "admin", true), "admin");
		Reply malformed = Api.post("/api/auth/signup", null, "{\"email\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
	}

	@Test
	void emailsAreUniqueWhateverTheirCase() {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Reply again = Api.post("/api/auth/signup", null,
				Map.of("email", email.toUpperCase(), "password", Accounts.PASSWORD));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.field("code")).isEqualTo("email_taken");
	}

	@Test
	void profileCanBeReadAndRenamed() {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Session session = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.get("/api/auth/me", session.accessToken()).field("email")).isEqualTo(email);
		Reply renamed = Api.patch("/api/auth/me", session.accessToken(), Map.of("displayName", "Grace"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(Api.get("/api/auth/me", session.accessToken()).field("displayName")).isEqualTo("Grace");
		assertThat(Api.get("/api/auth/me", null).status()).isEqualTo(401);
	}

	@Test
	void verificationLinkTokenWorksOnce() {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		JsonNode requested = AuthEvents.first("keel.user.email-verification-requested", id);
		String token = requested.path("data").path("token").asString();
		assertThat(Api.post("/api/auth/email/verify", null, Map.of("token", token)).status()).isEqualTo(204);
		Reply again = Api.post("/api/auth/email/verify", null, Map.of("token", token));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.field("code")).isEqualTo("invalid_token");
		Session session = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.get("/api/auth/me", session.accessToken()).body().path("emailVerified").asBoolean()).isTrue();
		assertThat(AuthEvents.first("keel.user.email-verified", id).path("data").path("email").asString())
			.isEqualTo(email);
	}

	@Test
	void resendSendsAFreshVerificationLink() {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		Session session = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.post("/api/auth/email/resend", session.accessToken(), Map.of()).status()).isEqualTo(202);
		assertThat(Api.post("/api/auth/email/resend", null, Map.of()).status()).isEqualTo(401);
		List<JsonNode> links = AuthEvents
			.all((event) -> "keel.user.email-verification-requested".equals(event.path("type").asString())
					&& id.equals(event.path("subject").asString()), Duration.ofSeconds(3));
		assertThat(links).hasSize(2);
		assertThat(links.get(0).path("data").path("token").asString())
			.isNotEqualTo(links.get(1).path("data").path("token").asString());
	}

	@Test
	void resetLinkTokenWorksOnceAndEndsEverySession() {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		Session before = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.post("/api/auth/password/forgot", null, Map.of("email", email)).status()).isEqualTo(202);
		String token = AuthEvents.first("keel.user.password-reset-requested", id).path("data").path("token").asString();
		String newPassword = "a brand new passphrase 42";
		assertThat(
				Api.post("/api/auth/password/reset", null, Map.of("token", token, "newPassword", newPassword)).status())
			.isEqualTo(204);
		assertThat(Api.post("/api/auth/password/reset", null, Map.of("token", token, "newPassword", newPassword))
			.field("code")).isEqualTo("invalid_token");
		assertThat(Accounts.refresh(before.refreshToken()).field("error")).isEqualTo("invalid_grant");
		Accounts.login(email, newPassword);
		assertThat(AuthEvents.first("keel.user.password-changed", id)).isNotNull();
	}

	@Test
	void forgotPasswordAnswersTheSameForUnknownEmails() {
		Reply unknown = Api.post("/api/auth/password/forgot", null, Map.of("email", Accounts.newEmail()));
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(unknown.response().body()).isEmpty();
	}

	@Test
	void failedLoginsLookAlikeAndFiveLockTheAccount() {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Reply wrong = login(email, "wrong password entirely");
		Reply unknown = login(Accounts.newEmail(), "wrong password entirely");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).isEqualTo(unknown.body());
		for (int attempt = 2; attempt <= 5; attempt++) {
			assertThat(login(email, "wrong password entirely").status()).isEqualTo(400);
		}
		Reply locked = login(email, Accounts.PASSWORD);
		assertThat(locked.status()).isEqualTo(429);
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, Duration.ofMinutes(15).toSeconds());
	}

	@Test
	void adminEndpointsRefuseAnonymousAndPlainUsers() {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Session user = Accounts.login(email, Accounts.PASSWORD);
		Reply anonymous = Api.get("/api/auth/admin/users", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		Reply plain = Api.get("/api/auth/admin/users", user.accessToken());
		assertThat(plain.status()).isEqualTo(403);
		assertThat(plain.contentType()).startsWith("application/problem+json");
	}

	@Test
	void adminListsUsersAndDisablingEndsTheirSessions() {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		Session user = Accounts.login(email, Accounts.PASSWORD);
		Session admin = Accounts.admin();
		Reply found = Api.get("/api/auth/admin/users?email=" + email, admin.accessToken());
		assertThat(found.body().path("items").get(0).path("id").asString()).isEqualTo(id);
		assertThat(Api.get("/api/auth/admin/users/" + id, admin.accessToken()).field("email")).isEqualTo(email);
		Reply unknown = Api.get("/api/auth/admin/users/000000000000000000000000", admin.accessToken());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(Api.get("/api/auth/admin/users?limit=101", admin.accessToken()).status()).isEqualTo(400);

		Reply promoted = Api.patch("/api/auth/admin/users/" + id, admin.accessToken(),
				Map.of("roles", List.of("user", "editor")));
		assertThat(promoted.body().path("roles").toString()).contains("editor");
		Session promotedSession = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.get("/api/auth/me", promotedSession.accessToken()).body().path("roles").toString())
			.contains("editor");
		assertThat(Api.patch("/api/auth/admin/users/" + id, admin.accessToken(), Map.of("roles", List.of("Bad Role")))
			.status()).isEqualTo(400);

		Reply disabled = Api.patch("/api/auth/admin/users/" + id, admin.accessToken(), Map.of("disabled", true));
		assertThat(disabled.body().path("disabled").asBoolean()).isTrue();
		assertThat(Accounts.refresh(user.refreshToken()).field("error")).isEqualTo("invalid_grant");
		Reply refused = login(email, Accounts.PASSWORD);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo(login(Accounts.newEmail(), Accounts.PASSWORD).body());
		assertThat(AuthEvents.first("keel.user.disabled", id)).isNotNull();
	}

	@Test
	void adminPagesThroughUsersWithCursors() {
		Session admin = Accounts.admin();
		Reply first = Api.get("/api/auth/admin/users?limit=1", admin.accessToken());
		assertThat(first.body().path("items")).hasSize(1);
		String cursor = first.field("nextCursor");
		assertThat(cursor).isNotBlank();
		Reply second = Api.get("/api/auth/admin/users?limit=1&cursor=" + cursor, admin.accessToken());
		assertThat(second.body().path("items").get(0).path("id").asString())
			.isNotEqualTo(first.body().path("items").get(0).path("id").asString());
		assertThat(Api.get("/api/auth/admin/users?cursor=bogus!", admin.accessToken()).status()).isEqualTo(400);
	}

	private static Reply login(String email, String password) {
		return Api.form("/api/auth/token", Map.of("grant_type", "password", "username", email, "password", password));
	}

	private static void assertFieldError(Map<String, Object> body, String field) {
		Reply reply = Api.post("/api/auth/signup", null, body);
		assertThat(reply.status()).as(body.toString()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.body().path("errors").toString()).as(body.toString()).contains("\"" + field + "\"");
	}

}
