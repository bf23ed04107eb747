package dev.keel.notification.preference;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.notification.NotificationServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Preferences over real HTTP. */
class PreferencesIntegrationTests extends NotificationServiceTest {

	@Test
	void newUserGetsTheInboxWithoutEmailAndSecurityEmailsOn() {
		JsonNode preferences = get("/api/notifications/preferences", tokens.token(newUser())).json();
		assertThat(preferences.path("email").asBoolean()).isFalse();
		assertThat(preferences.path("inApp").asBoolean()).isTrue();
		assertThat(preferences.path("mutedCollections").size()).isZero();
		assertThat(preferences.path("securityEmails").asBoolean()).isTrue();
	}

	@Test
	void putReplacesThePreferences() {
		String token = tokens.token(newUser());
		Reply saved = put("/api/notifications/preferences", token,
				Map.of("email", true, "inApp", false, "mutedCollections", List.of("tasks", "notes", "tasks")));
		assertThat(saved.status()).isEqualTo(200);

		JsonNode preferences = get("/api/notifications/preferences", token).json();
		assertThat(preferences.path("email").asBoolean()).isTrue();
		assertThat(preferences.path("inApp").asBoolean()).isFalse();
		assertThat(preferences.path("mutedCollections").valueStream().map(JsonNode::asString)).containsExactly("tasks",
				"notes");
	}

	@Test
	void securityEmailsCannotBeMuted() {
		String token = tokens.token(newUser());
		Reply refused = put("/api/notifications/preferences", token,
				Map.of("email", false, "inApp", true, "securityEmails", false));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("securityEmails");
		assertThat(refused.body()).contains("cannot be muted");
		assertThat(put("/api/notifications/preferences", token,
				Map.of("email", false, "inApp", true, "securityEmails", true))
			.status()).isEqualTo(200);
	}

	@Test
	void invalidPreferencesAreRefusedAndChangeNothing() {
		String token = tokens.token(newUser());
		assertThat(put("/api/notifications/preferences", token, Map.of("inApp", true)).status()).isEqualTo(400);
		assertThat(put("/api/notifications/preferences", token, Map.of("email", "yes", "inApp", true)).status())
			.isEqualTo(400);
		assertThat(put("/api/notifications/preferences", token,
				Map.of("email", true, "inApp", true, "mutedCollections", List.of("Not A Name")))
			.status()).isEqualTo(400);
		assertThat(put("/api/notifications/preferences", token, Map.of("email", true, "inApp", true, "sms", true))
			.status()).isEqualTo(400);
		assertThat(get("/api/notifications/preferences", token).json().path("email").asBoolean()).isFalse();
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

}
