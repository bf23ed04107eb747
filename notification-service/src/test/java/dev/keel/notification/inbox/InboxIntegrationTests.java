package dev.keel.notification.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.keel.notification.NotificationServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox API over real HTTP, on items delivered through {@link Inbox}. */
class InboxIntegrationTests extends NotificationServiceTest {

	@Autowired
	Inbox inbox;

	@Test
	void listsTheCallersItemsNewestFirstInPages() throws Exception {
		String user = newUser();
		List<String> ids = deliver(user, 5);
		deliver(newUser(), 2);

		JsonNode first = get("/api/notifications?limit=2", tokens.token(user)).json();
		JsonNode second = get("/api/notifications?limit=2&cursor=" + first.path("nextCursor").asString(),
				tokens.token(user))
			.json();
		JsonNode last = get("/api/notifications?limit=2&cursor=" + second.path("nextCursor").asString(),
				tokens.token(user))
			.json();

		List<String> seen = new ArrayList<>();
		for (JsonNode page : List.of(first, second, last)) {
			page.path("items").forEach((item) -> seen.add(item.path("id").asString()));
		}
		assertThat(seen).containsExactlyElementsOf(ids.reversed());
		assertThat(last.path("nextCursor").isNull()).isTrue();
		JsonNode item = first.path("items").get(0);
		assertThat(item.path("type").asString()).isEqualTo("test");
		assertThat(item.path("title").asString()).isEqualTo("Item 4");
		assertThat(item.path("data").path("collection").asString()).isEqualTo("tasks");
		assertThat(item.path("read").asBoolean()).isFalse();
		assertThat(item.path("createdAt").asString()).endsWith("Z");
	}

	@Test
	void unreadCountFollowsReadReadAllAndDelete() throws Exception {
		String user = newUser();
		String token = tokens.token(user);
		List<String> ids = deliver(user, 4);
		assertThat(unreadCount(token)).isEqualTo(4);

		assertThat(post("/api/notifications/" + ids.get(0) + "/read", token, null).status()).isEqualTo(204);
		assertThat(unreadCount(token)).isEqualTo(3);
		JsonNode unread = get("/api/notifications?unread=true", token).json();
		assertThat(unread.path("items").size()).isEqualTo(3);
		assertThat(unread.toString()).doesNotContain(ids.get(0));

		assertThat(delete("/api/notifications/" + ids.get(1), token).status()).isEqualTo(204);
		assertThat(unreadCount(token)).isEqualTo(2);
		assertThat(get("/api/notifications", token).json().path("items").size()).isEqualTo(3);

		assertThat(post("/api/notifications/read-all", token, null).status()).isEqualTo(204);
		assertThat(unreadCount(token)).isZero();
		assertThat(get("/api/notifications", token).json().path("items").findValuesAsString("read"))
			.containsOnly("true");
	}

	@Test
	void anotherUsersItemIsNotFoundAndUntouched() throws Exception {
		String owner = newUser();
		String id = deliver(owner, 1).get(0);
		String stranger = tokens.token(newUser());

		Reply read = post("/api/notifications/" + id + "/read", stranger, null);
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.code()).isEqualTo("notification_not_found");
		assertThat(delete("/api/notifications/" + id, stranger).status()).isEqualTo(404);
		assertThat(delete("/api/notifications/ntf_nothing", tokens.token(owner)).status()).isEqualTo(404);
		assertThat(unreadCount(tokens.token(owner))).isEqualTo(1);
	}

	@Test
	void deliveringTheSameEventToTheSameUserTwiceStoresOneItem() {
		String user = newUser();
		NewNotification request = new NewNotification("event-" + UUID.randomUUID(), user, "test", "Once", "Only once",
				Map.of());
		assertThat(this.inbox.deliver(request)).isPresent();
		assertThat(this.inbox.deliver(request)).isEmpty();
		assertThat(get("/api/notifications", tokens.token(user)).json().path("items").size()).isEqualTo(1);
	}

	@Test
	void badPagingParametersAreBadRequests() {
		String token = tokens.token(newUser());
		assertThat(get("/api/notifications?limit=101", token).code()).isEqualTo("invalid_limit");
		assertThat(get("/api/notifications?limit=0", token).status()).isEqualTo(400);
		assertThat(get("/api/notifications?cursor=%21%21", token).status()).isEqualTo(400);
		assertThat(get("/api/notifications?cursor=bm90LWEtY3Vyc29y", token).code()).isEqualTo("invalid_cursor");
		assertThat(get("/api/notifications?unread=maybe", token).status()).isEqualTo(400);
		assertThat(get("/api/notifications?unread=maybe", token).code()).isEqualTo("invalid_parameter");
	}

	@Test
	void theInboxNeedsAToken() {
		Reply reply = get("/api/notifications", null);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
	}

	private List<String> deliver(String user, int count) throws InterruptedException {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(this.inbox
				.deliver(new NewNotification("event-" + UUID.randomUUID(), user, "test", "Item " + i, "Body " + i,
						Map.of("collection", "tasks", "documentId", "t" + i, "eventType", "keel.document.updated")))
				.orElseThrow()
				.id());
			Thread.sleep(2);
		}
		return ids;
	}

	private long unreadCount(String token) {
		return get("/api/notifications/unread-count", token).json().path("count").asLong();
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

}
