package dev.keel.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;
import dev.keel.system.EventStream.Event;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications through the gateway: data-service's events become inbox items and live
 * SSE events for subscribers who may read the document, never for their own changes, on a
 * platform with two notification-service instances.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 95)
class NotificationSystemTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final String admin = DataFixtures.admin().accessToken();

	@Test
	void subscriberGetsAnInboxItemAndAStreamEventForAnotherUsersChange() throws Exception {
		String tasks = define(this.admin, null, access("authenticated"));
		User subscriber = DataFixtures.newUser();
		User author = DataFixtures.newUser();
		subscribe(subscriber, tasks);

		try (EventStream stream = EventStream.open(subscriber.token())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			String id = create(author.token(), tasks, Map.of("title", "Write the docs")).path("_id").asString();

			Event event = stream.take(1, WAIT).get(0);
			assertThat(event.event()).isEqualTo("notification");
			assertThat(event.data().path("id").asString()).isEqualTo(event.id());
			assertThat(event.data().path("data").path("collection").asString()).isEqualTo(tasks);
			assertThat(event.data().path("data").path("documentId").asString()).isEqualTo(id);
			assertThat(event.data().path("data").path("eventType").asString()).isEqualTo("keel.document.created");
			assertThat(event.data().path("read").asBoolean()).isFalse();

			List<JsonNode> inbox = items(subscriber);
			assertThat(inbox).singleElement()
				.satisfies((item) -> assertThat(item.path("id").asString()).isEqualTo(event.id()));
		}
	}

	@Test
	void nothingForSomeoneElsesOwnerOnlyDocumentNorForOnesOwnChange() throws Exception {
		String privateNotes = define(this.admin, null, access("owner", "authenticated", "owner", "owner"));
		String shared = define(this.admin, null, access("authenticated"));
		User subscriber = DataFixtures.newUser();
		User author = DataFixtures.newUser();
		subscribe(subscriber, privateNotes);
		subscribe(subscriber, shared);

		try (EventStream stream = EventStream.open(subscriber.token())) {
			create(author.token(), privateNotes, Map.of("title", "Mine alone"));
			create(subscriber.token(), shared, Map.of("title", "My own change"));
			String marker = create(author.token(), shared, Map.of("title", "For everyone")).path("_id").asString();

			Event event = stream.take(1, WAIT).get(0);
			assertThat(event.data().path("data").path("documentId").asString()).isEqualTo(marker);
			assertThat(stream.next(Duration.ofSeconds(3))).isNull();
		}
		assertThat(items(subscriber)).hasSize(1);
	}

	@Test
	void lastEventIdReplaysTheItemsMissedWhileAway() throws Exception {
		String tasks = define(this.admin, null, access("authenticated"));
		User subscriber = DataFixtures.newUser();
		User author = DataFixtures.newUser();
		subscribe(subscriber, tasks);

		String seen;
		try (EventStream stream = EventStream.open(subscriber.token())) {
			create(author.token(), tasks, Map.of("title", "first"));
			seen = stream.take(1, WAIT).get(0).id();
		}
		create(author.token(), tasks, Map.of("title", "second"));
		create(author.token(), tasks, Map.of("title", "third"));
		awaitItems(subscriber, 3);

		try (EventStream resumed = EventStream.open("/api/notifications/stream", subscriber.token(),
				Map.of("Last-Event-ID", seen))) {
			List<Event> replayed = resumed.take(2, WAIT);
			List<String> missed = items(subscriber).stream()
				.map((item) -> item.path("id").asString())
				.filter((id) -> !id.equals(seen))
				.toList()
				.reversed();
			assertThat(replayed).extracting(Event::id).containsExactlyElementsOf(missed);
			assertThat(resumed.next(Duration.ofSeconds(2))).isNull();
		}
	}

	@Test
	void aStreamTicketOpensOneStreamOnly() {
		User user = DataFixtures.newUser();
		Reply ticket = Api.post("/api/notifications/stream-ticket", user.token(), "");
		assertThat(ticket.status()).as(describe(ticket)).isEqualTo(200);
		assertThat(ticket.body().path("expiresIn").asInt()).isEqualTo(60);
		String path = "/api/notifications/stream?ticket=" + ticket.field("ticket");

		try (EventStream first = EventStream.open(path, null, Map.of())) {
			assertThat(first.status()).isEqualTo(200);
		}
		try (EventStream second = EventStream.open(path, null, Map.of())) {
			assertThat(second.status()).isEqualTo(401);
			assertThat(second.refusal()).contains("invalid_ticket");
		}
		try (EventStream anonymous = EventStream.open(null)) {
			assertThat(anonymous.status()).isEqualTo(401);
		}
	}

	@Test
	void unreadCountReadReadAllAndDeleteBehave() throws Exception {
		String tasks = define(this.admin, null, access("authenticated"));
		User subscriber = DataFixtures.newUser();
		User author = DataFixtures.newUser();
		subscribe(subscriber, tasks);
		for (int i = 0; i < 3; i++) {
			create(author.token(), tasks, Map.of("title", "task " + i));
		}
		List<JsonNode> items = awaitItems(subscriber, 3);
		assertThat(unread(subscriber)).isEqualTo(3);

		assertThat(
				Api.post("/api/notifications/" + items.get(0).path("id").asString() + "/read", subscriber.token(), "")
					.status())
			.isEqualTo(204);
		assertThat(unread(subscriber)).isEqualTo(2);
		assertThat(Api.get("/api/notifications?unread=true", subscriber.token()).body().path("items").size())
			.isEqualTo(2);
		assertThat(Api.delete("/api/notifications/" + items.get(1).path("id").asString(), subscriber.token()).status())
			.isEqualTo(204);
		assertThat(unread(subscriber)).isEqualTo(1);
		assertThat(Api.post("/api/notifications/read-all", subscriber.token(), "").status()).isEqualTo(204);
		assertThat(unread(subscriber)).isZero();
		assertThat(items(subscriber)).hasSize(2)
			.allSatisfy((item) -> assertThat(item.path("read").asBoolean()).isTrue());
		assertThat(Api.delete("/api/notifications/" + items.get(1).path("id").asString(), subscriber.token()).status())
			.isEqualTo(404);
	}

	@Test
	void changesToAWatchedDocumentOnlyReachItsSubscriber() throws Exception {
		String tasks = define(this.admin, null, access("authenticated"));
		User subscriber = DataFixtures.newUser();
		User author = DataFixtures.newUser();
		String watched = create(author.token(), tasks, Map.of("title", "watched")).path("_id").asString();
		Reply subscription = Api.post("/api/notifications/subscriptions", subscriber.token(),
				Map.of("collection", tasks, "documentId", watched, "events", List.of("keel.document.updated")));
		assertThat(subscription.status()).as(describe(subscription)).isEqualTo(201);

		create(author.token(), tasks, Map.of("title", "other"));
		Reply update = Api.put(document(tasks, watched), author.token(), Map.of("title", "watched, renamed"));
		assertThat(update.status()).as(describe(update)).isEqualTo(200);

		List<JsonNode> items = awaitItems(subscriber, 1);
		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.path("data").path("documentId").asString()).isEqualTo(watched);
			assertThat(item.path("data").path("eventType").asString()).isEqualTo("keel.document.updated");
		});
	}

	static void subscribe(User user, String collection) {
		Reply reply = Api.post("/api/notifications/subscriptions", user.token(), Map.of("collection", collection));
		assertThat(reply.status()).as(describe(reply)).isEqualTo(201);
	}

	static List<JsonNode> items(User user) {
		Reply reply = Api.get("/api/notifications?limit=100", user.token());
		assertThat(reply.status()).as(describe(reply)).isEqualTo(200);
		return reply.body().path("items").valueStream().toList();
	}

	static List<JsonNode> awaitItems(User user, int count) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		List<JsonNode> items = items(user);
		while (items.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(200);
			items = items(user);
		}
		assertThat(items).as("inbox items").hasSizeGreaterThanOrEqualTo(count);
		return items;
	}

	private static long unread(User user) {
		return Api.get("/api/notifications/unread-count", user.token()).body().path("count").asLong();
	}

}
