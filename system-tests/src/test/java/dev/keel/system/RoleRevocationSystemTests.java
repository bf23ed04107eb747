package dev.keel.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's decision about a user takes effect at once everywhere: a user who loses a
 * role stops hearing about documents only that role may read, and a disabled user's open
 * streams are closed and new ones refused, although their access token has not expired.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 84)
class RoleRevocationSystemTests {

	private static String admin;

	@BeforeAll
	static void admin() {
		admin = DataFixtures.admin().accessToken();
	}

	@Test
	void aUserWhoLosesARoleStopsGettingNotificationsAboutItsDocuments() throws Exception {
		String staffOnly = define(admin, null, access("role:staff", "role:admin", "role:admin", "role:admin"));
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		setRoles(id, List.of("user", "staff"));
		User staff = new User(id, Accounts.login(email, Accounts.PASSWORD).accessToken());
		NotificationSystemTests.subscribe(staff, staffOnly);
		create(admin, staffOnly, Map.of("title", "while staff"));
		assertThat(NotificationSystemTests.awaitItems(staff, 1)).hasSize(1);

		setRoles(id, List.of("user"));
		AuthEvents.first("keel.user.roles-changed", id,
				(event) -> !event.path("data").path("roles").toString().contains("staff"));
		TimeUnit.SECONDS.sleep(2);
		create(admin, staffOnly, Map.of("title", "after the role was removed"));
		TimeUnit.SECONDS.sleep(5);

		assertThat(NotificationSystemTests.items(staff)).hasSize(1)
			.allSatisfy((item) -> assertThat(item.toString()).doesNotContain("after the role was removed"));
	}

	@Test
	void disablingAUserClosesTheirOpenStream() throws Exception {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		String token = Accounts.login(email, Accounts.PASSWORD).accessToken();

		try (EventStream stream = EventStream.open(token)) {
			assertThat(stream.status()).isEqualTo(200);
			Reply disabled = Api.patch("/api/auth/admin/users/" + id, admin, Map.of("disabled", true));
			assertThat(disabled.status()).as(describe(disabled)).isEqualTo(200);

			assertThat(stream.awaitEnd(Duration.ofSeconds(15))).as("the stream was closed").isTrue();
		}
		try (EventStream again = EventStream.open(token)) {
			assertThat(again.status()).isEqualTo(403);
			assertThat(again.refusal()).contains("account_disabled");
		}
	}

	private static void setRoles(String userId, List<String> roles) {
		Reply reply = Api.patch("/api/auth/admin/users/" + userId, admin, Map.of("roles", roles));
		assertThat(reply.status()).as(describe(reply)).isEqualTo(200);
	}

}
