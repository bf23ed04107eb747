package dev.keel.system;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.Accounts.Session;
import dev.keel.system.Api.Reply;

import static dev.keel.system.DataFixtures.TASK_SCHEMA;
import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.document;
import static dev.keel.system.DataFixtures.documents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's anonymous journey through the gateway: sign in anonymously, create a
 * document, upgrade with an email and a password, log in with them, and the document is
 * still the user's; the upgraded user no longer has the {@code anonymous} role.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 20)
class AnonymousUserSystemTests {

	private static String tasks;

	@BeforeAll
	static void collection() {
		tasks = define(DataFixtures.admin().accessToken(), TASK_SCHEMA,
				access("owner", "authenticated", "owner", "owner"));
	}

	@Test
	void anAnonymousUsersDocumentStaysTheirsAfterTheUpgrade() {
		Reply signedIn = Api.form("/api/auth/token", Map.of("grant_type", "urn:keel:anonymous"));
		assertThat(signedIn.status()).as(describe(signedIn)).isEqualTo(200);
		Session anonymous = Session.of(signedIn.body());
		Reply me = Api.get("/api/auth/me", anonymous.accessToken());
		String id = me.field("id");
		assertThat(me.body().path("roles").values()).extracting((role) -> role.asString()).containsExactly("anonymous");
		Reply created = Api.post(documents(tasks), anonymous.accessToken(), Map.of("title", "Made anonymously"));
		assertThat(created.status()).as(describe(created)).isEqualTo(201);
		String path = document(tasks, created.field("_id"));
		String email = "anonymous-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

		Reply upgraded = Api.post("/api/auth/me/upgrade", anonymous.accessToken(),
				Map.of("email", email, "password", Accounts.PASSWORD));
		assertThat(upgraded.status()).as(describe(upgraded)).isEqualTo(200);
		Session login = Accounts.login(email, Accounts.PASSWORD);

		Reply mine = Api.get(path, login.accessToken());
		assertThat(mine.status()).as(describe(mine)).isEqualTo(200);
		assertThat(mine.field("_owner")).isEqualTo(id);
		Reply after = Api.get("/api/auth/me", login.accessToken());
		assertThat(after.field("id")).isEqualTo(id);
		assertThat(after.body().path("roles").values()).extracting((role) -> role.asString()).containsExactly("user");
		Reply stranger = Api.get(path, DataFixtures.newUser().token());
		assertThat(stranger.status()).as(describe(stranger)).isIn(403, 404);
	}

}
