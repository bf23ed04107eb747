package dev.keel.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.keel.events.EventEnvelope;
import dev.keel.events.IntegrationEvent;
import dev.keel.events.Topics;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.PasswordResetRequested;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.data.CollectionDefined;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentUpdated;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;
import dev.keel.notification.FileEvents;
import dev.keel.notification.NotificationServiceTest;
import dev.keel.notification.webhook.WebhookReceiver.Endpoint;
import dev.keel.notification.webhook.WebhookReceiver.Received;
import dev.keel.support.outbox.CloudEventJson;
import dev.keel.testing.ServiceHttp.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: events from the embedded broker, deliveries to a real HTTP
 * receiver that verifies every signature with the secret it was given, retries on the
 * test schedule (300 ms, 600 ms).
 */
class WebhookIntegrationTests extends NotificationServiceTest {

	private static final String WEBHOOKS = "/api/notifications/webhooks";

	private static final WebhookReceiver receiver = WebhookReceiver.start();

	private final List<String> registered = new ArrayList<>();

	@AfterEach
	void deleteWebhooks() {
		this.registered.forEach((id) -> delete(WEBHOOKS + "/" + id, admin()));
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void failedAttemptsAreRetriedUnderTheSameIdUntilTheReceiverAccepts() throws Exception {
		Endpoint endpoint = receiver.endpoint();
		endpoint.answer((request) -> (request <= 2) ? 500 : 204);
		String collection = collection();
		JsonNode webhook = register(endpoint, List.of("keel.document.*"), List.of(collection));
		EventEnvelope<?> event = documentCreated(collection, "d1");

		publish(Topics.DATA_EVENTS, event);

		JsonNode delivery = awaitDelivery(webhook, event, "succeeded", 3);
		assertThat(delivery.path("eventType").asString()).isEqualTo(DocumentCreated.TYPE);
		assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(204);
		assertThat(delivery.path("lastError").isNull()).isTrue();
		assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
		assertThat(delivery.path("attemptLog").valueStream().map((a) -> a.path("statusCode").asInt()))
			.containsExactly(500, 500, 204);
		assertThat(delivery.path("attemptLog").get(0).path("error").asString()).isEqualTo("HTTP 500");

		List<Received> received = endpoint.receivedFor(event.id());
		assertThat(received).hasSize(3);
		String secret = webhook.path("secret").asString();
		for (Received request : received) {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.header("webhook-id")).isEqualTo(delivery.path("id").asString());
			assertThat(request.header("content-type")).startsWith("application/json");
			assertThat(request.header("user-agent")).startsWith("Keel-Webhooks/");
			assertThat(request.body()).isEqualTo(received.get(0).body());
			assertThat(request.verifiesWithTheStandardLibrary(secret)).isTrue();
			assertThat(request.verifiesByHand(secret)).isTrue();
		}
		String otherSecret = register(receiver.endpoint(), List.of("*"), List.of(collection())).path("secret")
			.asString();
		assertThat(received.get(0).verifiesByHand(otherSecret)).as("with another webhook's secret").isFalse();
		assertThat(received.get(0).verifiesWithTheStandardLibrary(otherSecret)).isFalse();
		assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThan(Duration.ofMillis(200));
		assertThat(Duration.between(received.get(1).at(), received.get(2).at())).isGreaterThan(Duration.ofMillis(400));
		JsonNode body = received.get(0).json();
		assertThat(body.path("specversion").asString()).isEqualTo("1.0");
		assertThat(body.path("type").asString()).isEqualTo(DocumentCreated.TYPE);
		assertThat(body.path("data").path("collection").asString()).isEqualTo(collection);
	}

	@Test
	void aDeliveryThatKeepsFailingEndsDeadAndAManualRetryDeliversIt() {
		Endpoint endpoint = receiver.endpoint();
		endpoint.answerAlways(500);
		String collection = collection();
		JsonNode webhook = register(endpoint, List.of("keel.document.created"), List.of(collection));
		EventEnvelope<?> event = documentCreated(collection, "d1");
		publish(Topics.DATA_EVENTS, event);

		JsonNode dead = awaitDelivery(webhook, event, "dead", 3);
		assertThat(dead.path("lastStatusCode").asInt()).isEqualTo(500);
		assertThat(dead.path("lastError").asString()).isEqualTo("HTTP 500");
		assertThat(dead.path("nextAttemptAt").isNull()).isTrue();
		String retry = WEBHOOKS + "/" + id(webhook) + "/deliveries/" + dead.path("id").asString() + "/retry";

		assertThat(post(retry, admin(), null).status()).isEqualTo(202);
		awaitDelivery(webhook, event, "dead", 4);

		endpoint.answerAlways(200);
		assertThat(post(retry, admin(), null).status()).isEqualTo(202);
		JsonNode delivered = awaitDelivery(webhook, event, "succeeded", 5);
		assertThat(delivered.path("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(endpoint.receivedFor(event.id())).hasSize(5)
			.extracting((request) -> request.header("webhook-id"))
			.containsOnly(delivered.path("id").asString());
	}

	@Test
	void theSameEventPublishedTwiceGivesOneDelivery() {
		Endpoint endpoint = receiver.endpoint();
		String collection = collection();
		JsonNode webhook = register(endpoint, List.of("keel.document.*"), List.of(collection));
		EventEnvelope<?> event = documentCreated(collection, "d1");
		// Same aggregate, so the same partition: once it is delivered, both copies were
		// read.
		EventEnvelope<?> later = documentUpdated(collection, "d1");

		publish(Topics.DATA_EVENTS, event);
		publish(Topics.DATA_EVENTS, event);
		publish(Topics.DATA_EVENTS, later);

		awaitDelivery(webhook, later, "succeeded", 1);
		awaitDelivery(webhook, event, "succeeded", 1);
		assertThat(deliveries(webhook)).extracting((d) -> d.path("eventId").asString())
			.containsExactlyInAnyOrder(event.id(), later.id());
		assertThat(endpoint.receivedFor(event.id())).hasSize(1);
	}

	@Test
	void eventTypesAndCollectionsFilterWhatAWebhookReceives() {
		String tasks = collection();
		String notes = collection();
		JsonNode narrow = register(receiver.endpoint(), List.of("keel.document.created", "keel.collection.*"),
				List.of(tasks));
		JsonNode witness = register(receiver.endpoint(), List.of("*"), List.of(tasks, notes));
		List<EventEnvelope<?>> events = List.of(documentCreated(tasks, "d1"), documentUpdated(tasks, "d1"),
				documentCreated(notes, "d2"), collectionDefined(tasks), collectionDefined(notes),
				wrap("/keel/auth-service", UserRegistered.of("u-" + UUID.randomUUID(), "filter@example.test", null)));

		events
			.forEach((event) -> publish(event.type().startsWith("keel.user.") ? Topics.AUTH_EVENTS : Topics.DATA_EVENTS,
					event));

		events.forEach((event) -> awaitDelivery(witness, event, "succeeded", 1));
		assertThat(deliveries(narrow)).extracting((d) -> d.path("eventId").asString())
			.containsExactlyInAnyOrder(events.get(0).id(), events.get(3).id());
	}

	@Test
	void deliveriesArePagedNewestFirstAndFilteredByStatus() {
		String collection = collection();
		JsonNode webhook = register(receiver.endpoint(), List.of("keel.document.created"), List.of(collection));
		List<EventEnvelope<?>> events = List.of(documentCreated(collection, "d1"), documentCreated(collection, "d2"),
				documentCreated(collection, "d3"));
		events.forEach((event) -> publish(Topics.DATA_EVENTS, event));
		events.forEach((event) -> awaitDelivery(webhook, event, "succeeded", 1));
		String path = WEBHOOKS + "/" + id(webhook) + "/deliveries";

		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			Reply page = get(path + "?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), admin());
			assertThat(page.status()).isEqualTo(200);
			page.json().path("items").forEach((item) -> paged.add(item.path("id").asString()));
			cursor = page.json().path("nextCursor").asString(null);
		}
		while (cursor != null);
		assertThat(paged).hasSize(3).doesNotHaveDuplicates();
		List<Instant> created = deliveries(webhook).stream()
			.map((d) -> Instant.parse(d.path("createdAt").asString()))
			.toList();
		assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));

		assertThat(get(path + "?status=succeeded", admin()).json().path("items")).hasSize(3);
		assertThat(get(path + "?status=dead", admin()).json().path("items")).isEmpty();
		assertThat(get(path + "?status=bogus", admin()).status()).isEqualTo(400);
		assertThat(get(path + "?status=bogus", admin()).code()).isEqualTo("invalid_parameter");
		assertThat(get(path + "?limit=101", admin()).code()).isEqualTo("invalid_limit");
		assertThat(get(path + "?cursor=bm9wZQ", admin()).code()).isEqualTo("invalid_cursor");
	}

	@Test
	void userEventsArriveWithoutTheirToken() {
		Endpoint endpoint = receiver.endpoint();
		JsonNode webhook = register(endpoint,
				List.of("keel.user.email-verification-requested", "keel.user.password-reset-requested"), null);
		String userId = "u-" + UUID.randomUUID();
		String verifyToken = "verify-" + UUID.randomUUID();
		String resetToken = "reset-" + UUID.randomUUID();
		EventEnvelope<?> verification = wrap("/keel/auth-service", EmailVerificationRequested.of(userId,
				"tokens@example.test", "Ada", verifyToken, Instant.now().plusSeconds(3600)));
		EventEnvelope<?> reset = wrap("/keel/auth-service", PasswordResetRequested.of(userId, "tokens@example.test",
				"Ada", resetToken, Instant.now().plusSeconds(3600)));

		publish(Topics.AUTH_EVENTS, verification);
		publish(Topics.AUTH_EVENTS, reset);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> !endpoint.receivedFor(verification.id()).isEmpty()
					&& !endpoint.receivedFor(reset.id()).isEmpty());
		for (EventEnvelope<?> event : List.of(verification, reset)) {
			Received request = endpoint.receivedFor(event.id()).get(0);
			assertThat(request.body()).doesNotContain(verifyToken).doesNotContain(resetToken);
			assertThat(request.json().path("data").has("token")).isFalse();
			assertThat(request.json().path("data").path("userId").asString()).isEqualTo(userId);
			assertThat(request.json().path("data").path("email").asString()).isEqualTo("tokens@example.test");
			assertThat(request.verifiesWithTheStandardLibrary(webhook.path("secret").asString())).isTrue();
		}
	}

	@Test
	void fileEventsReachWebhooksThatAskForThem() {
		Endpoint files = receiver.endpoint();
		Endpoint documents = receiver.endpoint();
		JsonNode webhook = register(files, List.of("keel.file.*"), null);
		register(documents, List.of("keel.document.*"), null);
		EventEnvelope<?> uploaded = FileEvents.uploaded("photos", "f-" + UUID.randomUUID(), "cat.png", "u-1", "public");

		publish(Topics.STORAGE_EVENTS, uploaded);

		await().atMost(Duration.ofSeconds(30)).until(() -> !files.receivedFor(uploaded.id()).isEmpty());
		Received request = files.receivedFor(uploaded.id()).get(0);
		assertThat(request.json().path("type").asString()).isEqualTo("keel.file.uploaded");
		assertThat(request.json().path("data").path("bucket").asString()).isEqualTo("photos");
		assertThat(request.verifiesWithTheStandardLibrary(webhook.path("secret").asString())).isTrue();
		assertThat(documents.receivedFor(uploaded.id())).isEmpty();
	}

	@Test
	void registrationShowsTheSecretOnceAndListsWebhooksWithoutIt() {
		Endpoint endpoint = receiver.endpoint();
		Map<String, Object> body = Map.of("url", endpoint.url(), "events", List.of("keel.document.created"),
				"description", "CRM sync");

		Reply created = post(WEBHOOKS, admin(), body);

		assertThat(created.status()).isEqualTo(201);
		JsonNode webhook = created.json();
		this.registered.add(id(webhook));
		assertThat(id(webhook)).startsWith("wh_");
		assertThat(created.header("Location")).endsWith(WEBHOOKS + "/" + id(webhook));
		assertThat(webhook.path("secret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(webhook.path("url").asString()).isEqualTo(endpoint.url());
		assertThat(webhook.path("collections")).isEmpty();
		assertThat(webhook.path("description").asString()).isEqualTo("CRM sync");
		assertThat(webhook.path("createdAt").asString()).isNotEmpty();

		Reply one = get(WEBHOOKS + "/" + id(webhook), admin());
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().has("secret")).isFalse();
		assertThat(one.json().path("events").get(0).asString()).isEqualTo("keel.document.created");

		register(receiver.endpoint(), List.of("*"), List.of(collection()));
		register(receiver.endpoint(), List.of("*"), List.of(collection()));
		Set<String> listed = new HashSet<>();
		String cursor = null;
		do {
			Reply page = get(WEBHOOKS + "?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), admin());
			assertThat(page.status()).isEqualTo(200);
			page.json().path("items").forEach((item) -> {
				assertThat(item.has("secret")).isFalse();
				listed.add(item.path("id").asString());
			});
			cursor = page.json().path("nextCursor").asString(null);
		}
		while (cursor != null);
		assertThat(listed).containsAll(this.registered);
		assertThat(get(WEBHOOKS + "?limit=101", admin()).code()).isEqualTo("invalid_limit");
	}

	@Test
	void invalidRegistrationsAreRefusedWithFieldErrors() {
		String url = receiver.endpoint().url();

		assertInvalid(Map.of("url", "ftp://hooks.example.com/", "events", List.of("*")), "url");
		assertInvalid(Map.of("url", "https://user:pw@hooks.example.com/", "events", List.of("*")), "url");
		assertInvalid(Map.of("url", url, "events", List.of("keel.document.exploded")), "events[0]");
		assertInvalid(Map.of("url", url, "events", List.of()), "events");
		assertInvalid(Map.of("url", url, "events", List.of("*"), "collections", List.of("No Such")), "collections[0]");
		assertInvalid(Map.of("url", url, "events", List.of("*"), "description", "x".repeat(501)), "description");
		assertInvalid(Map.of("url", url, "events", List.of("*"), "secret", "whsec_mine"), "secret");
		assertThat(post(WEBHOOKS, admin(), "{not json").code()).isEqualTo("malformed_request");
		assertThat(get(WEBHOOKS, admin()).json().path("items").valueStream().map((item) -> item.path("url").asString()))
			.doesNotContain(url);
	}

	@Test
	void onlyAdminsManageWebhooks() {
		String user = tokens.token("user-1");
		Map<String, Object> body = Map.of("url", receiver.endpoint().url(), "events", List.of("*"));
		JsonNode webhook = register(receiver.endpoint(), List.of("*"), List.of(collection()));
		String one = WEBHOOKS + "/" + id(webhook);

		assertThat(post(WEBHOOKS, user, body).status()).isEqualTo(403);
		assertThat(get(WEBHOOKS, user).code()).isEqualTo("forbidden");
		assertThat(get(one, user).status()).isEqualTo(403);
		assertThat(get(one + "/deliveries", user).status()).isEqualTo(403);
		assertThat(post(one + "/deliveries/msg_x/retry", user, null).status()).isEqualTo(403);
		assertThat(delete(one, user).status()).isEqualTo(403);
		assertThat(post(WEBHOOKS, null, body).status()).isEqualTo(401);
		assertThat(get(WEBHOOKS, null).code()).isEqualTo("unauthorized");
		assertThat(get(one, admin()).status()).isEqualTo(200);
	}

	@Test
	void retryingASucceededDeliveryIsAConflictAndUnknownIdsAreNotFound() {
		String collection = collection();
		JsonNode webhook = register(receiver.endpoint(), List.of("keel.document.created"), List.of(collection));
		EventEnvelope<?> event = documentCreated(collection, "d1");
		publish(Topics.DATA_EVENTS, event);
		JsonNode delivery = awaitDelivery(webhook, event, "succeeded", 1);
		String deliveries = WEBHOOKS + "/" + id(webhook) + "/deliveries/";

		Reply conflict = post(deliveries + delivery.path("id").asString() + "/retry", admin(), null);

		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.code()).isEqualTo("delivery_not_retryable");
		assertThat(post(deliveries + "msg_nope/retry", admin(), null).code()).isEqualTo("delivery_not_found");
		assertThat(post(WEBHOOKS + "/wh_nope/deliveries/msg_nope/retry", admin(), null).code())
			.isEqualTo("webhook_not_found");
		assertThat(get(WEBHOOKS + "/wh_nope", admin()).status()).isEqualTo(404);
		assertThat(get(WEBHOOKS + "/wh_nope/deliveries", admin()).code()).isEqualTo("webhook_not_found");
		assertThat(get(WEBHOOKS + "/wh_nope/deliveries?status=bogus&limit=0", admin()).code())
			.as("an unknown webhook is named before its parameters")
			.isEqualTo("webhook_not_found");
	}

	@Test
	void deletingAWebhookStopsItsDeliveries() {
		Endpoint endpoint = receiver.endpoint();
		endpoint.answerAlways(503);
		String collection = collection();
		JsonNode webhook = register(endpoint, List.of("keel.document.*"), List.of(collection));
		JsonNode witness = register(receiver.endpoint(), List.of("keel.document.*"), List.of(collection));
		EventEnvelope<?> first = documentCreated(collection, "d1");
		publish(Topics.DATA_EVENTS, first);
		await().atMost(Duration.ofSeconds(30)).until(() -> !endpoint.receivedFor(first.id()).isEmpty());

		assertThat(delete(WEBHOOKS + "/" + id(webhook), admin()).status()).isEqualTo(204);

		assertThat(get(WEBHOOKS + "/" + id(webhook), admin()).code()).isEqualTo("webhook_not_found");
		assertThat(get(WEBHOOKS + "/" + id(webhook) + "/deliveries", admin()).status()).isEqualTo(404);
		assertThat(delete(WEBHOOKS + "/" + id(webhook), admin()).status()).isEqualTo(404);
		EventEnvelope<?> second = documentUpdated(collection, "d1");
		publish(Topics.DATA_EVENTS, second);
		awaitDelivery(witness, second, "succeeded", 1);
		// Without the delete, the schedule (300 ms, 600 ms) would make three attempts by
		// now.
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> endpoint.receivedFor(first.id()).size() <= 2);
		assertThat(endpoint.receivedFor(second.id())).isEmpty();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Document stored = this.mongo.getCollection(DeliveryStore.COLLECTION)
				.find(new Document("_id", Delivery.idOf(id(webhook), first.id())))
				.first();
			assertThat(stored.getString("status")).isEqualTo("dead");
			assertThat(stored.getString("lastError")).isEqualTo("webhook deleted");
		});
	}

	@Test
	void unreadableEventsGoToTheDeadLetterTopicAndTheNextIsDelivered() throws Exception {
		String marker = "poison-" + UUID.randomUUID();
		String collection = collection();
		JsonNode webhook = register(receiver.endpoint(), List.of("keel.document.created"), List.of(collection));
		EventEnvelope<?> event = documentCreated(collection, "d1");

		this.kafka.send(Topics.DATA_EVENTS, event.subject(), "{\"not\":\"an event\",\"marker\":\"" + marker + "\"}")
			.get(10, TimeUnit.SECONDS);
		publish(Topics.DATA_EVENTS, event);

		awaitDelivery(webhook, event, "succeeded", 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TopicRecords.all(EmbeddedInfrastructure.kafkaBootstrapServers(), Topics.DATA_EVENTS + ".dlt")
				.stream()
				.anyMatch((record) -> record.value().contains(marker) && "notification-tests.webhooks"
					.equals(TopicRecords.header(record, "kafka_dlt-original-consumer-group"))));
	}

	@Test
	void receiversGetTheEventExactlyAsItWasOnTheTopic() throws Exception {
		Endpoint endpoint = receiver.endpoint();
		String collection = collection();
		JsonNode webhook = register(endpoint, List.of("keel.document.created"), List.of(collection));
		EventEnvelope<?> event = documentCreated(collection, "d1");
		String published = new CloudEventJson().write(event)
			.replace("\"data\":{", "\"newerattribute\":\"x\",\"data\":{\"addedLater\":1.50,");

		this.kafka.send(Topics.DATA_EVENTS, event.subject(), published).get(10, TimeUnit.SECONDS);

		awaitDelivery(webhook, event, "succeeded", 1);
		assertThat(endpoint.receivedFor(event.id())).singleElement()
			.satisfies((request) -> assertThat(request.body()).isEqualTo(published));
	}

	private void assertInvalid(Map<String, Object> body, String field) {
		Reply reply = post(WEBHOOKS, admin(), body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("validation_failed");
		assertThat(reply.json().path("errors").valueStream().map((e) -> e.path("field").asString())).as(reply.body())
			.containsExactly(field);
	}

	private JsonNode register(Endpoint endpoint, List<String> events, List<String> collections) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("url", endpoint.url());
		body.put("events", events);
		if (collections != null) {
			body.put("collections", collections);
		}
		Reply reply = post(WEBHOOKS, admin(), body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		this.registered.add(id(reply.json()));
		return reply.json();
	}

	private List<JsonNode> deliveries(JsonNode webhook) {
		Reply reply = get(WEBHOOKS + "/" + id(webhook) + "/deliveries?limit=100", admin());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return StreamSupport.stream(reply.json().path("items").spliterator(), false).toList();
	}

	private JsonNode awaitDelivery(JsonNode webhook, EventEnvelope<?> event, String status, int attempts) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode delivery = delivery(webhook, event);
			return delivery != null && status.equals(delivery.path("status").asString())
					&& delivery.path("attempts").asInt() == attempts;
		});
		return delivery(webhook, event);
	}

	private JsonNode delivery(JsonNode webhook, EventEnvelope<?> event) {
		return deliveries(webhook).stream()
			.filter((d) -> event.id().equals(d.path("eventId").asString()))
			.findFirst()
			.orElse(null);
	}

	private static String id(JsonNode webhook) {
		return webhook.path("id").asString();
	}

	private static String collection() {
		return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static EventEnvelope<?> documentCreated(String collection, String documentId) {
		return wrap("/keel/data-service", DocumentCreated.of(collection, documentId, "user-1", "user-1", 1, "public",
				List.of("title"), Map.of("_id", documentId, "title", "Hello"), false));
	}

	private static EventEnvelope<?> documentUpdated(String collection, String documentId) {
		return wrap("/keel/data-service", DocumentUpdated.of(collection, documentId, "user-1", "user-1", 2, "public",
				List.of("title"), Map.of("_id", documentId, "title", "Hello again"), false));
	}

	private static EventEnvelope<?> collectionDefined(String collection) {
		return wrap("/keel/data-service", CollectionDefined.of(collection, Map.of("read", "public"), true));
	}

	private static EventEnvelope<?> wrap(String source, IntegrationEvent event) {
		return EventEnvelope.wrap(source, event, null);
	}

}
