package dev.keel.notification.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.keel.testing.ServiceContract;
import dev.keel.notification.NotificationServiceTest;
import dev.keel.notification.inbox.Inbox;
import dev.keel.notification.inbox.NewNotification;
import dev.keel.notification.inbox.Notification;
import dev.keel.notification.stream.EventStream.Frame;
import dev.keel.testing.ServiceHttp.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream over real HTTP, with the shared context's 1 s heartbeat. */
class StreamIntegrationTests extends NotificationServiceTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String STREAM = "/api/notifications/stream";

	@Autowired
	Inbox inbox;

	@Autowired
	FanOutAssignment fanOut;

	@Autowired
	StreamHub hub;

	@Test
	void deliversANewItemAsANotificationEvent() {
		String user = newUser();
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user), Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			assertThat(stream.header("Cache-Control")).isEqualTo("no-cache");
			assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
			Frame opened = stream.next(WAIT);
			assertThat(opened.comments()).isNotEmpty();
			assertThat(opened.retry()).isEqualTo("3000");

			Notification item = deliver(user, "Grüße ✓ <b>");

			Frame event = stream.nextNotification(WAIT);
			assertThat(event).isNotNull();
			assertThat(event.id()).isEqualTo(item.id());
			JsonNode data = json.readTree(event.data());
			assertThat(data.path("id").asString()).isEqualTo(item.id());
			assertThat(data.path("type").asString()).isEqualTo("subscription");
			assertThat(data.path("title").asString()).isEqualTo("Grüße ✓ <b>");
			assertThat(data.path("body").asString()).isEqualTo("A task changed.");
			assertThat(data.path("data").path("collection").asString()).isEqualTo("tasks");
			assertThat(data.path("read").asBoolean(true)).isFalse();
			assertThat(Instant.parse(data.path("createdAt").asString())).isEqualTo(item.createdAt());
			assertThat(data.has("userId")).isFalse();
		}
	}

	@Test
	void sendsAHeartbeatCommentWhileIdle() {
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(newUser()), Map.of())) {
			stream.next(WAIT);
			Frame heartbeat = stream.next(Duration.ofMillis(2500));
			assertThat(heartbeat).isNotNull();
			assertThat(heartbeat.comments()).containsExactly("heartbeat");
			assertThat(heartbeat.event()).isNull();
		}
	}

	@Test
	void lastEventIdReplaysTheItemsAfterItInOrderThenGoesLive() {
		String user = newUser();
		List<Notification> earlier = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			earlier.add(deliver(user, "earlier " + i));
		}
		deliver(newUser(), "someone else's");
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user),
				Map.of("Last-Event-ID", earlier.get(1).id()))) {
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(earlier.get(2).id());
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(earlier.get(3).id());
			Notification live = deliver(user, "live");
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(live.id());
			assertThat(stream.nextNotification(Duration.ofMillis(1500))).isNull();
		}
	}

	@Test
	void theLastEventIdHeaderWinsOverTheQueryParameter() {
		String user = newUser();
		Notification first = deliver(user, "first");
		Notification second = deliver(user, "second");
		Notification third = deliver(user, "third");
		try (EventStream stream = EventStream.open(this.port, STREAM + "?lastEventId=" + first.id(),
				Map.of("Authorization", "Bearer " + tokens.token(user), "Last-Event-ID", second.id()))) {
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(third.id());
			assertThat(stream.nextNotification(Duration.ofMillis(1500))).isNull();
		}
	}

	@Test
	void aTicketOpensOneStreamOnly() {
		String user = newUser();
		Notification seen = deliver(user, "seen");
		Notification missed = deliver(user, "missed");
		Reply issued = post("/api/notifications/stream-ticket", tokens.token(user), null);
		assertThat(issued.status()).isEqualTo(200);
		assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
		String ticket = issued.json().path("ticket").asString();
		assertThat(ticket).matches("[A-Za-z0-9_-]{43,}");
		assertThat(issued.json().path("expiresIn").asInt()).isEqualTo(60);
		Document stored = this.mongo.getCollection(StreamTickets.COLLECTION)
			.find(Filters.eq("_id", StreamTickets.hash(ticket)))
			.first();
		assertThat(stored).isNotNull();
		assertThat(stored.toJson()).doesNotContain(ticket).contains(user);

		String url = STREAM + "?ticket=" + ticket + "&lastEventId=" + seen.id();
		try (EventStream stream = EventStream.open(this.port, url, Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(missed.id());
		}
		try (EventStream again = EventStream.open(this.port, url, Map.of())) {
			assertInvalidTicket(again);
		}
	}

	@Test
	void anExpiredOrUnknownTicketIsRefused() {
		String ticket = post("/api/notifications/stream-ticket", tokens.token(newUser()), null).json()
			.path("ticket")
			.asString();
		this.mongo.getCollection(StreamTickets.COLLECTION)
			.updateOne(Filters.eq("_id", StreamTickets.hash(ticket)),
					Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));
		try (EventStream stream = EventStream.open(this.port, STREAM + "?ticket=" + ticket, Map.of())) {
			assertInvalidTicket(stream);
		}
		assertThat(this.mongo.getCollection(StreamTickets.COLLECTION)
			.countDocuments(Filters.eq("_id", StreamTickets.hash(ticket)))).isZero();
		try (EventStream stream = EventStream.open(this.port, STREAM + "?ticket=made-up", Map.of())) {
			assertInvalidTicket(stream);
		}
	}

	@Test
	void aStreamWithoutCredentialsIsUnauthorized() {
		ServiceContract.assertUnauthorizedProblem(this.port, STREAM, null);
		try (EventStream stream = EventStream.open(this.port, STREAM, Map.of())) {
			assertThat(stream.status()).isEqualTo(401);
			assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
			assertThat(stream.header("WWW-Authenticate")).isEqualTo("Bearer");
		}
		assertThat(post("/api/notifications/stream-ticket", null, null).status()).isEqualTo(401);
	}

	@Test
	void aBadBearerTokenIsRefusedEvenWithATicket() {
		String ticket = post("/api/notifications/stream-ticket", tokens.token(newUser()), null).json()
			.path("ticket")
			.asString();
		String forged = tokens.invalidTokens("user-1").values().iterator().next();
		Reply refused = get(STREAM + "?ticket=" + ticket, forged);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("unauthorized");
		assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
	}

	@Test
	void anotherUsersItemsNeverReachAStream() {
		String user = newUser();
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user), Map.of())) {
			stream.next(WAIT);
			deliver(newUser(), "not yours");
			Notification mine = deliver(user, "yours");
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(mine.id());
		}
	}

	@Test
	void anItemPublishedByAnotherInstanceReachesTheStream() throws Exception {
		await().atMost(WAIT).until(this.fanOut::listening);
		String user = newUser();
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user), Map.of())) {
			stream.next(WAIT);
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("id", "ntf_elsewhere" + UUID.randomUUID().toString().substring(0, 8));
			record.put("userId", user);
			record.put("type", "subscription");
			record.put("title", "From another instance");
			record.put("body", "Stored there.");
			record.put("data", Map.of("collection", "tasks", "documentId", "t9"));
			record.put("read", false);
			record.put("createdAt", "2026-11-23T10:15:30.123Z");
			record.put("someFutureField", 1);
			this.kafka.send(new ProducerRecord<>("keel.notification.stream", user, json.writeValueAsString(record)))
				.get(10, TimeUnit.SECONDS);

			Frame event = stream.nextNotification(WAIT);
			assertThat(event).isNotNull();
			assertThat(event.id()).isEqualTo(record.get("id"));
			JsonNode data = json.readTree(event.data());
			assertThat(data.path("title").asString()).isEqualTo("From another instance");
			assertThat(data.path("data").path("documentId").asString()).isEqualTo("t9");
			assertThat(data.path("createdAt").asString()).isEqualTo("2026-11-23T10:15:30.123Z");
		}
	}

	@Test
	void anItemStoredHereArrivesOnceThoughItAlsoGoesThroughTheTopic() {
		await().atMost(WAIT).until(this.fanOut::listening);
		String user = newUser();
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user), Map.of())) {
			stream.next(WAIT);
			Notification first = deliver(user, "first");
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(first.id());
			// Give this instance's own record on the topic time to come back, then check
			// it was not passed on a second time.
			assertThat(stream.nextNotification(Duration.ofSeconds(1))).isNull();
			Notification second = deliver(user, "second");
			assertThat(stream.nextNotification(WAIT).id()).isEqualTo(second.id());
		}
	}

	@Test
	void aClosedClientDoesNotHoldUpTheUsersOtherStreams() {
		String user = newUser();
		EventStream closed = EventStream.withToken(this.port, tokens.token(user), Map.of());
		closed.next(WAIT);
		closed.close();
		try (EventStream open = EventStream.withToken(this.port, tokens.token(user), Map.of())) {
			open.next(WAIT);
			List<String> delivered = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				delivered.add(deliver(user, "item " + i).id());
			}
			List<String> received = new ArrayList<>();
			for (int i = 0; i < delivered.size(); i++) {
				Frame event = open.nextNotification(WAIT);
				assertThat(event).as("item %d of %d", i, delivered.size()).isNotNull();
				received.add(event.id());
			}
			assertThat(received).isEqualTo(delivered);
		}
	}

	@Test
	void streamsEndWhenTheApplicationStops() {
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(newUser()), Map.of())) {
			stream.next(WAIT);
			this.hub.stop();
			try {
				assertThat(stream.ended(Duration.ofSeconds(5))).isTrue();
				try (EventStream refused = EventStream.withToken(this.port, tokens.token(newUser()), Map.of())) {
					assertThat(refused.status()).isEqualTo(503);
					assertThat(refused.header("Retry-After")).isNotNull();
					assertThat(json.readTree(refused.body()).path("code").asString()).isEqualTo("service_unavailable");
				}
			}
			finally {
				this.hub.start();
			}
		}
	}

	private void assertInvalidTicket(EventStream stream) {
		assertThat(stream.status()).isEqualTo(401);
		assertThat(stream.header("Content-Type")).startsWith("application/problem+json");
		assertThat(stream.header("WWW-Authenticate")).startsWith("Bearer");
		JsonNode problem = json.readTree(stream.body());
		assertThat(problem.path("code").asString()).isEqualTo("invalid_ticket");
		assertThat(problem.path("status").asInt()).isEqualTo(401);
	}

	/**
	 * Delivers an item; a pause keeps creation times, and so the inbox order, distinct.
	 */
	private Notification deliver(String user, String title) {
		Notification item = this.inbox
			.deliver(new NewNotification(UUID.randomUUID().toString(), user, "subscription", title, "A task changed.",
					Map.of("collection", "tasks", "documentId", "t1", "eventType", "keel.document.updated")))
			.orElseThrow();
		try {
			Thread.sleep(3);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return item;
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

}
