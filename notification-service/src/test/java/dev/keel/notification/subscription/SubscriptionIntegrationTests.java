package dev.keel.notification.subscription;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.events.EventEnvelope;
import dev.keel.events.Topics;
import dev.keel.notification.FileEvents;
import dev.keel.notification.NotificationServiceTest;
import dev.keel.notification.UserEvents;
import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.notification.DocumentEvents.created;
import static dev.keel.notification.DocumentEvents.deleted;
import static dev.keel.notification.DocumentEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions over real HTTP, fed by document events on the real broker: who hears
 * about what, once.
 */
class SubscriptionIntegrationTests extends NotificationServiceTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void subscriberHearsOfAnotherUsersChangeToAReadableDocument() {
		String subscriber = newUser();
		String collection = subscribe(subscriber, Map.of()).path("collection").asString();

		publish(updated(collection, "d1", "author-1", "author-1", "authenticated"));

		JsonNode item = awaitItems(subscriber, 1).get(0);
		assertThat(item.path("type").asString()).isEqualTo("subscription");
		assertThat(item.path("title").asString()).isEqualTo("A document in " + collection + " was updated");
		assertThat(item.path("body").asString()).contains(collection + "/d1").contains("title");
		assertThat(item.path("data").path("collection").asString()).isEqualTo(collection);
		assertThat(item.path("data").path("documentId").asString()).isEqualTo("d1");
		assertThat(item.path("data").path("eventType").asString()).isEqualTo("keel.document.updated");
		assertThat(item.path("read").asBoolean()).isFalse();
	}

	@Test
	void nothingForAnOwnerOnlyDocumentOfSomeoneElseNorForOnesOwnChange() {
		String subscriber = newUser();
		String collection = subscribe(subscriber, Map.of()).path("collection").asString();

		publish(updated(collection, "d1", "someone-else", "someone-else", "owner"));
		publish(updated(collection, "d1", subscriber, subscriber, "public"));
		publish(updated(collection, "d1", "author-1", "author-1", "public"));

		List<JsonNode> items = awaitItems(subscriber, 1);
		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.path("data").path("actor").asString()).isEqualTo("author-1"));
	}

	@Test
	void ownerHearsOfAnAdminsChangeToTheirOwnerOnlyDocument() {
		String owner = newUser();
		String collection = subscribe(owner, Map.of()).path("collection").asString();

		publish(updated(collection, "mine", owner, "admin-1", "owner"));

		assertThat(awaitItems(owner, 1).get(0).path("data").path("documentId").asString()).isEqualTo("mine");
	}

	@Test
	void roleRulesLetOnlyHoldersOfTheRoleHear() {
		String collection = newCollection();
		String editor = newUser();
		String reader = newUser();
		subscribe(editor, tokens.token(editor, "editor"), Map.of("collection", collection));
		subscribe(reader, tokens.token(reader), Map.of("collection", collection));

		publish(updated(collection, "d1", "author-1", "author-1", "role:editor"));
		publish(updated(collection, "d1", "author-1", "author-1", "public"));

		assertThat(awaitItems(editor, 2)).hasSize(2);
		assertThat(awaitItems(reader, 1)).singleElement()
			.satisfies((item) -> assertThat(item.path("data").path("version").asInt()).isEqualTo(2));
	}

	@Test
	void documentAndEventFiltersNarrowWhatArrives() {
		String subscriber = newUser();
		String collection = newCollection();
		subscribe(subscriber,
				Map.of("collection", collection, "documentId", "watched", "events", List.of("keel.document.deleted")));

		publish(updated(collection, "watched", "a", "a", "public"));
		publish(deleted(collection, "other", "a", "a", "public"));
		publish(deleted(collection, "watched", "a", "a", "public"));

		assertThat(awaitItems(subscriber, 1)).singleElement()
			.satisfies((item) -> assertThat(item.path("data").path("eventType").asString())
				.isEqualTo("keel.document.deleted"));
	}

	@Test
	void oneItemPerEventEvenWithTwoMatchingSubscriptionsAndARedelivery() {
		String subscriber = newUser();
		String collection = subscribe(subscriber, Map.of()).path("collection").asString();
		subscribe(subscriber, Map.of("collection", collection, "documentId", "d1"));

		EventEnvelope<?> event = created(collection, "d1", "author-1", "public");
		publish(event);
		publish(event);
		publish(updated(collection, "d1", "author-1", "author-1", "public"));

		List<JsonNode> items = awaitItems(subscriber, 2);
		assertThat(items).extracting((item) -> item.path("data").path("eventType").asString())
			.containsExactly("keel.document.updated", "keel.document.created");
	}

	@Test
	void preferencesMuteCollectionsTurnOffTheInboxAndTurnOnEmail() throws Exception {
		String muter = newUser();
		String emailer = newUser();
		String collection = newCollection();
		subscribe(muter, Map.of("collection", collection));
		String address = emailer + "@example.test";
		publish(Topics.AUTH_EVENTS, UserEvents.verified(emailer, address));
		awaitAccount(emailer, (account) -> address.equals(account.getString("verifiedEmail")));
		subscribe(emailer, tokens.sign(tokens.claims(emailer).claim("email", address).build()),
				Map.of("collection", collection));
		put("/api/notifications/preferences", tokens.token(muter),
				Map.of("email", false, "inApp", true, "mutedCollections", List.of(collection)));
		put("/api/notifications/preferences", tokens.token(emailer),
				Map.of("email", true, "inApp", false, "mutedCollections", List.of()));

		EventEnvelope<?> event = updated(collection, "d1", "author-1", "author-1", "public");
		publish(event);
		publish(event);

		JsonNode mail = awaitMail(address);
		assertThat(mail.path("Subject").asString()).isEqualTo("You have a new notification");
		assertThat(mail.path("Text").asString()).contains("A document in " + collection + " was updated")
			.contains(collection + "/d1")
			.contains("https://app.example.test");
		Thread.sleep(1500);
		assertThat(mailsTo(address)).hasSize(1);
		assertThat(items(emailer)).isEmpty();
		assertThat(items(muter)).isEmpty();
	}

	@Test
	void subscriptionsAreListedAndRemovedByTheirOwnerOnly() {
		String user = newUser();
		String token = tokens.token(user);
		String id = subscribe(user, Map.of()).path("id").asString();

		JsonNode list = get("/api/notifications/subscriptions", token).json();
		assertThat(list.path("items").findValuesAsString("id")).containsExactly(id);
		assertThat(list.path("items").get(0).path("events").size()).isEqualTo(3);
		assertThat(delete("/api/notifications/subscriptions/" + id, tokens.token(newUser())).status()).isEqualTo(404);
		assertThat(delete("/api/notifications/subscriptions/" + id, token).status()).isEqualTo(204);
		assertThat(get("/api/notifications/subscriptions", token).json().path("items").size()).isZero();
		assertThat(delete("/api/notifications/subscriptions/" + id, token).code()).isEqualTo("subscription_not_found");
	}

	@Test
	void aUserHasAHundredSubscriptionsAtMost() {
		String user = newUser();
		String token = tokens.token(user);
		for (int i = 0; i < 100; i++) {
			subscribe(user, token, Map.of());
		}

		Reply refused = post("/api/notifications/subscriptions", token, Map.of("collection", newCollection()));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("too_many_subscriptions");
		assertThat(refused.json().path("detail").asString()).contains("100 subscriptions already");
	}

	@Test
	void aBucketsSubscriberHearsOfFilesOthersUploadAndMayRead() {
		String subscriber = newUser();
		String bucket = newCollection();
		JsonNode subscription = subscribe(subscriber, Map.of("bucket", bucket));
		assertThat(subscription.path("bucket").asString()).isEqualTo(bucket);
		assertThat(subscription.path("collection").isNull()).isTrue();
		assertThat(subscription.path("events").valueStream().map(JsonNode::asString))
			.containsExactly("keel.file.uploaded", "keel.file.deleted");

		publish(Topics.STORAGE_EVENTS, FileEvents.uploaded(bucket, "f-private", "secret.png", "someone-else", "owner"));
		publish(Topics.STORAGE_EVENTS, FileEvents.uploaded(bucket, "f-own", "mine.png", subscriber, "public"));
		publish(Topics.STORAGE_EVENTS,
				FileEvents.uploaded(bucket, "f1", "Click http://evil.example now.png", "author-1", "authenticated"));

		JsonNode item = awaitItems(subscriber, 1).get(0);
		assertThat(items(subscriber)).hasSize(1);
		assertThat(item.path("title").asString()).isEqualTo("A file in " + bucket + " was uploaded");
		assertThat(item.path("body").asString()).isEqualTo(bucket + "/f1 was uploaded.");
		assertThat(item.path("data").path("bucket").asString()).isEqualTo(bucket);
		assertThat(item.path("data").path("objectId").asString()).isEqualTo("f1");
		assertThat(item.path("data").path("name").asString()).isEqualTo("Click http://evil.example now.png");
		assertThat(item.path("data").path("eventType").asString()).isEqualTo("keel.file.uploaded");
	}

	@Test
	void aCollectionsSubscriberHearsNothingOfABucketWithTheSameName() {
		String subscriber = newUser();
		String name = subscribe(subscriber, Map.of()).path("collection").asString();

		publish(Topics.STORAGE_EVENTS, FileEvents.uploaded(name, "f1", "a.png", "author-1", "public"));
		publish(updated(name, "d1", "author-1", "author-1", "public"));

		assertThat(awaitItems(subscriber, 1)).singleElement()
			.satisfies((item) -> assertThat(item.path("data").path("documentId").asString()).isEqualTo("d1"));
	}

	@Test
	void invalidSubscriptionsAreRefusedWithFieldErrors() {
		String token = tokens.token(newUser());
		assertThat(fieldErrors(post("/api/notifications/subscriptions", token, Map.of()))).contains("collection");
		assertThat(fieldErrors(post("/api/notifications/subscriptions", token, Map.of("collection", "Bad Name"))))
			.contains("collection");
		assertThat(fieldErrors(post("/api/notifications/subscriptions", token,
				Map.of("collection", "tasks", "events", List.of("keel.user.registered")))))
			.anyMatch((field) -> field.startsWith("events"));
		assertThat(post("/api/notifications/subscriptions", token, Map.of("collection", "tasks", "colour", "red"))
			.status()).isEqualTo(400);
		assertThat(post("/api/notifications/subscriptions", token, "{\"collection\": ").status()).isEqualTo(400);
		assertThat(fieldErrors(
				post("/api/notifications/subscriptions", token, Map.of("collection", "tasks", "bucket", "photos"))))
			.contains("collection");
		assertThat(fieldErrors(post("/api/notifications/subscriptions", token,
				Map.of("collection", "tasks", "events", List.of("keel.file.uploaded")))))
			.contains("events");
		assertThat(fieldErrors(post("/api/notifications/subscriptions", token,
				Map.of("bucket", "photos", "events", List.of("keel.document.created")))))
			.contains("events");
		assertThat(fieldErrors(
				post("/api/notifications/subscriptions", token, Map.of("bucket", "photos", "documentId", "d1"))))
			.contains("documentId");
		assertThat(fieldErrors(post("/api/notifications/subscriptions", token, Map.of("bucket", "Bad Name"))))
			.contains("bucket");
		assertThat(get("/api/notifications/subscriptions", token).json().path("items").size()).isZero();
	}

	private JsonNode subscribe(String user, Map<String, Object> request) {
		return subscribe(user, tokens.token(user), request);
	}

	private JsonNode subscribe(String user, String token, Map<String, Object> request) {
		Map<String, Object> body = new LinkedHashMap<>(request);
		if (!body.containsKey("bucket")) {
			body.putIfAbsent("collection", newCollection());
		}
		Reply reply = post("/api/notifications/subscriptions", token, body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(reply.header("Location")).endsWith(reply.json().path("id").asString());
		return reply.json();
	}

	private void publish(EventEnvelope<?> event) {
		publish(Topics.DATA_EVENTS, event);
	}

	private List<JsonNode> awaitItems(String user, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> items(user), (items) -> items.size() >= count);
	}

	private List<JsonNode> items(String user) {
		JsonNode page = get("/api/notifications", tokens.token(user)).json();
		return page.path("items").valueStream().toList();
	}

	private JsonNode awaitMail(String address) {
		List<JsonNode> found = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo(address), (mails) -> !mails.isEmpty());
		return fetch(mail.baseUrl() + "/api/v1/message/" + found.get(0).path("ID").asString());
	}

	private List<JsonNode> mailsTo(String address) {
		return fetch(mail.baseUrl() + "/api/v1/messages").path("messages")
			.valueStream()
			.filter((message) -> message.path("To").toString().contains(address))
			.toList();
	}

	private JsonNode fetch(String url) {
		try {
			return json.readTree(
					this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()).body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> fieldErrors(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		return reply.json().path("errors").findValuesAsString("field");
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

	private static String newCollection() {
		return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
