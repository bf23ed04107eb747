package dev.keel.system;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test accounts and sessions: signing up, logging in and refreshing through the gateway.
 */
final class Accounts {

	static final String PASSWORD = "correct horse battery staple";

	private Accounts() {
	}

	static String newEmail() {
		return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** Signs up a new user and returns their id. */
	static String signUp(String email) {
		Reply reply = Api.post("/api/auth/signup", null, Map.of("email", email, "password", PASSWORD));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
		return reply.field("id");
	}

	static Session login(String email, String password) {
		Reply reply = Api.form("/api/auth/token",
				Map.of("grant_type", "password", "username", email, "password", password));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		return Session.of(reply.body());
	}

	static Reply refresh(String refreshToken) {
		return Api.form("/api/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	static Session admin() {
		return login(KeelCli.ADMIN_EMAIL, KeelCli.ADMIN_PASSWORD);
	}

	/** An access and refresh token pair. */
	record Session(String accessToken, String refreshToken) {

		static Session of(JsonNode body) {
			return new Session(body.path("access_token").asString(), body.path("refresh_token").asString(null));
		}

	}

}
