package dev.keel.notification.subscription;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.events.EventEnvelope;
import dev.keel.events.Topics;
import dev.keel.events.data.DocumentUpdated;
import dev.keel.testing.ServiceHttp.Reply;
import dev.keel.notification.DocumentEvents;
import dev.keel.notification.NotificationServiceTest;

import static dev.keel.notification.DocumentEvents.deleted;
import static dev.keel.notification.DocumentEvents.updated;
import static dev.keel.notification.UserEvents.disabled;
import static dev.keel.notification.UserEvents.enabled;
import static dev.keel.notification.UserEvents.registered;
import static dev.keel.notification.UserEvents.rolesChanged;
import static dev.keel.notification.UserEvents.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What auth-service's account events change for subscribers, at once: roles, disabling
 * and enabling again, and which address notification emails may go to. Each test ends
 * with an event on the same document after the one that must not arrive, so the first was
 * handled when the second arrives.
 */
class AccountChangesIntegrationTests extends NotificationServiceTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aUserWhoLostARoleHearsNothingMoreOfItsDocumentsEvenWithAStaleToken() {
		String user = newUser();
		String collection = newCollection();
		String staleToken = tokens.token(user, "staff");
		subscribe(staleToken, collection);
		publish(updated(collection, "before", "author-1", "author-1", "role:staff"));
		awaitItems(user, 1);

		publish(Topics.AUTH_EVENTS, rolesChanged(user));
		awaitAccount(user, (account) -> account.getList("roles", String.class).isEmpty());
		// The token still says staff; listing subscriptions with it changes nothing.
		assertThat(get("/api/notifications/subscriptions", staleToken).status()).isEqualTo(200);
		publish(updated(collection, "after", "author-1", "author-1", "role:staff"));
		publish(deleted(collection, "after", "author-1", "author-1", "public"));

		List<JsonNode> items = awaitItems(user, 2);
		assertThat(items)
			.extracting((item) -> item.path("data").path("documentId").asString() + " "
					+ item.path("data").path("eventType").asString())
			.containsExactly("after keel.document.deleted", "before keel.document.updated");
	}

	@Test
	void aUserWhoGainedARoleHearsOfItsDocumentsAtOnce() {
		String user = newUser();
		String collection = newCollection();
		subscribe(tokens.token(user), collection);

		publish(Topics.AUTH_EVENTS, rolesChanged(user, "staff"));
		awaitAccount(user, (account) -> account.getList("roles", String.class).contains("staff"));
		publish(updated(collection, "d1", "author-1", "author-1", "role:staff"));

		assertThat(awaitItems(user, 1)).singleElement()
			.satisfies((item) -> assertThat(item.path("data").path("documentId").asString()).isEqualTo("d1"));
	}

	@Test
	void aDisabledUserGetsNoMoreItemsNorEmails() throws Exception {
		String disabledUser = newUser();
		String witness = newUser();
		String collection = newCollection();
		String address = disabledUser + "@example.test";
		publish(Topics.AUTH_EVENTS, verified(disabledUser, address));
		subscribe(tokens.token(disabledUser), collection);
		subscribe(tokens.token(witness), collection);
		emailOn(disabledUser);

		publish(Topics.AUTH_EVENTS, disabled(disabledUser));
		awaitAccount(disabledUser, (account) -> account.getBoolean("disabled", false));
		publish(updated(collection, "d1", "author-1", "author-1", "public"));
		publish(deleted(collection, "d1", "author-1", "author-1", "public"));

		awaitItems(witness, 2);
		Thread.sleep(1500);
		assertThat(items(disabledUser)).isEmpty();
		assertThat(mailsTo(address)).isEmpty();
	}

	@Test
	void aUserEnabledAgainHearsOfNewDocumentsButNotOfThoseWhileDisabled() {
		String user = newUser();
		String witness = newUser();
		String collection = newCollection();
		subscribe(tokens.token(user), collection);
		subscribe(tokens.token(witness), collection);
		publish(Topics.AUTH_EVENTS, disabled(user));
		awaitAccount(user, (account) -> account.getBoolean("disabled", false));
		publish(updated(collection, "while-disabled", "author-1", "author-1", "public"));
		awaitItems(witness, 1);

		publish(Topics.AUTH_EVENTS, enabled(user));
		awaitAccount(user, (account) -> !account.getBoolean("disabled", true));
		publish(updated(collection, "after", "author-1", "author-1", "public"));

		awaitItems(witness, 2);
		assertThat(awaitItems(user, 1)).extracting((item) -> item.path("data").path("documentId").asString())
			.containsExactly("after");
	}

	@Test
	void noNotificationEmailToAnAddressThatIsNotVerified() throws Exception {
		String user = newUser();
		String collection = newCollection();
		String address = user + "@example.test";
		publish(Topics.AUTH_EVENTS, registered(user, address));
		awaitAccount(user, (account) -> address.equals(account.getString("email")));
		subscribe(tokens.sign(tokens.claims(user).claim("email", address).build()), collection);
		emailOn(user);

		publish(updated(collection, "d1", "author-1", "author-1", "public"));

		awaitItems(user, 1);
		Thread.sleep(1500);
		assertThat(mailsTo(address)).isEmpty();
	}

	@Test
	void hostileFieldNamesReachTheEmailBodyEscapedAndNeverAHeader() {
		String user = newUser();
		String collection = newCollection();
		String address = user + "@example.test";
		publish(Topics.AUTH_EVENTS, verified(user, address));
		awaitAccount(user, (account) -> address.equals(account.getString("verifiedEmail")));
		subscribe(tokens.token(user), collection);
		emailOn(user);
		List<String> fields = List.of("<script>alert(1)</script>", "x\r\nBcc: evil@example.test\r\nSubject: pwned",
				"y".repeat(5000));

		publish(EventEnvelope.wrap(DocumentEvents.SOURCE, DocumentUpdated.of(collection, "d1", "author-1", "author-1",
				2, "public", fields, Map.of("id", "d1"), false), null));

		JsonNode summary = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo(address), (mails) -> !mails.isEmpty())
			.get(0);
		String id = summary.path("ID").asString();
		JsonNode message = fetch(mail.baseUrl() + "/api/v1/message/" + id);
		String raw = text(mail.baseUrl() + "/api/v1/message/" + id + "/raw");
		String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
		assertThat(message.path("Subject").asString()).isEqualTo("You have a new notification");
		assertThat(headers).doesNotContainIgnoringCase("bcc").doesNotContain("pwned").doesNotContain("evil");
		assertThat(message.path("To").toString()).contains(address).doesNotContain("evil");
		assertThat(message.path("HTML").asString()).doesNotContain("<script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(message.path("Text").asString()).contains("x Bcc: evil@example.test Subject: pwned")
			.doesNotContain("y".repeat(1001));
		assertThat(mailsTo("evil@example.test")).isEmpty();
	}

	@Test
	void atMostTheHourlyShareOfNotificationEmailsGoesToOneUser() throws Exception {
		String user = newUser();
		String collection = newCollection();
		String address = user + "@example.test";
		publish(Topics.AUTH_EVENTS, verified(user, address));
		awaitAccount(user, (account) -> address.equals(account.getString("verifiedEmail")));
		subscribe(tokens.token(user), collection);
		emailOn(user);

		for (int i = 0; i < 5; i++) {
			publish(updated(collection, "d" + i, "author-1", "author-1", "public"));
		}

		awaitItems(user, 5);
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= 3);
		Thread.sleep(1500);
		assertThat(mailsTo(address)).hasSize(3);
	}

	private void subscribe(String token, String collection) {
		Reply reply = post("/api/notifications/subscriptions", token, Map.of("collection", collection));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}

	private void emailOn(String user) {
		Reply reply = put("/api/notifications/preferences", tokens.token(user),
				Map.of("email", true, "inApp", true, "mutedCollections", List.of()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private void publish(EventEnvelope<?> event) {
		publish(Topics.DATA_EVENTS, event);
	}

	private List<JsonNode> awaitItems(String user, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> items(user), (items) -> items.size() >= count);
	}

	private List<JsonNode> items(String user) {
		return get("/api/notifications", tokens.token(user)).json().path("items").valueStream().toList();
	}

	private List<JsonNode> mailsTo(String address) {
		return fetch(mail.baseUrl() + "/api/v1/messages").path("messages")
			.valueStream()
			.filter((message) -> message.path("To").toString().contains(address))
			.toList();
	}

	private JsonNode fetch(String url) {
		return json.readTree(text(url));
	}

	private String text(String url) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()).body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

	private static String newCollection() {
		return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
