package dev.keel.notification.email;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.events.EventEnvelope;
import dev.keel.events.Topics;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.OtpRequested;
import dev.keel.events.auth.PasswordChanged;
import dev.keel.events.auth.PasswordResetRequested;
import dev.keel.embedded.MailSink;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;
import dev.keel.support.outbox.CloudEventJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security emails from auth events, over the embedded broker and store, into a real SMTP
 * sink.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(properties = { "management.server.port=0", "server.port=0", "eureka.client.enabled=false",
		"keel.security.load-balanced=false", "keel.notification.email.initial-backoff=200ms",
		"keel.notification.email.poll-interval=200ms", "keel.notification.email.app-url=https://app.example.test",
		"spring.mongodb.database=notification_email_tests", "spring.kafka.consumer.group-id=notification-email-tests" })
class AuthEmailsIntegrationTests {

	static final int smtpPort = freePort();

	static volatile MailSink sink = startSink();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	MongoTemplate mongo;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtpPort);
	}

	@AfterAll
	static void stopSink() {
		sink.close();
	}

	@Test
	void verificationEmailHasATextAndAnHtmlPartWithTheLink() throws Exception {
		String to = "ada-" + UUID.randomUUID() + "@example.test";
		publish(verification(to, "tok-123"));

		JsonNode message = awaitMessageTo(to);
		assertThat(message.path("Subject").asString()).isEqualTo("Confirm your email address");
		assertThat(message.path("Text").asString())
			.contains("https://app.example.test/account/verify-email?token=tok-123")
			.contains("Hello Ada");
		assertThat(message.path("HTML").asString())
			.contains("href=\"https://app.example.test/account/verify-email?token=tok-123\"");
	}

	@Test
	void onceSentTheQueuedEmailNoLongerHoldsItsLinkToken() throws Exception {
		String to = "queued-" + UUID.randomUUID() + "@example.test";
		String token = "tok-" + UUID.randomUUID();
		EventEnvelope<EmailVerificationRequested> event = verification(to, token);
		publish(event);

		assertThat(awaitMessageTo(to).path("Text").asString()).contains(token);
		String id = event.id() + ":verification";
		Document stored = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.getCollection("emails").find(Filters.eq("_id", id)).first(),
					(document) -> document != null && "sent".equals(document.getString("status")));
		assertThat(stored.toJson()).doesNotContain(token);
		assertThat(stored.containsKey("token")).isFalse();
		assertThat(stored.getString("to")).isEqualTo(to);
		assertThat(stored.getString("kind")).isEqualTo("VERIFICATION");
	}

	@Test
	void aSignInCodeEmailShowsTheCodeEscapedAndTheQueueForgetsIt() throws Exception {
		String to = "code-" + UUID.randomUUID() + "@example.test";
		EventEnvelope<OtpRequested> event = EventEnvelope.wrap("/keel/auth-service",
				OtpRequested.of("u-3", to, "<b>Ada</b>", "042917", null, Instant.now().plusSeconds(600)), null);
		publish(event);

		JsonNode message = awaitMessageTo(to);
		assertThat(message.path("Subject").asString()).isEqualTo("Your sign-in code");
		assertThat(message.path("Text").asString()).contains("042917")
			.contains("Your sign-in code is")
			.doesNotContain("/account/sign-in");
		assertThat(message.path("HTML").asString()).contains("<strong>042917</strong>")
			.contains("&lt;b&gt;Ada&lt;/b&gt;")
			.doesNotContain("<b>Ada</b>")
			.doesNotContain("href");
		String id = event.id() + ":sign-in-code";
		Document stored = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.getCollection("emails").find(Filters.eq("_id", id)).first(),
					(document) -> document != null && "sent".equals(document.getString("status")));
		assertThat(stored.toJson()).doesNotContain("042917");
	}

	@Test
	void aSignInEmailWithALinkCarriesTheSignInPageAndTheCodeAndTheQueueForgetsBoth() throws Exception {
		String to = "link-" + UUID.randomUUID() + "@example.test";
		String token = "link-" + UUID.randomUUID();
		EventEnvelope<OtpRequested> event = EventEnvelope.wrap("/keel/auth-service",
				OtpRequested.of("u-4", to, "Ada", "042917", token, Instant.now().plusSeconds(600)), null);
		publish(event);

		JsonNode message = awaitMessageTo(to);
		assertThat(message.path("Text").asString()).contains("/account/sign-in?token=" + token).contains("042917");
		assertThat(message.path("HTML").asString()).contains("/account/sign-in?token=" + token + "\">Sign me in</a>")
			.contains("<strong>042917</strong>");
		String id = event.id() + ":sign-in-code";
		Document stored = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.getCollection("emails").find(Filters.eq("_id", id)).first(),
					(document) -> document != null && "sent".equals(document.getString("status")));
		assertThat(stored.toJson()).doesNotContain("042917").doesNotContain(token);
	}

	@Test
	void aHostileDisplayNameStaysOnOneEscapedLineOfTheBody() throws Exception {
		String to = "hostile-" + UUID.randomUUID() + "@example.test";
		String name = "Eve\r\nBcc: evil@example.test\r\nSubject: pwned <script>alert(1)</script>" + "z".repeat(500);
		publish(EventEnvelope.wrap("/keel/auth-service",
				PasswordResetRequested.of("u-2", to, name, "tok-reset", Instant.now().plusSeconds(600)), null));

		JsonNode message = awaitMessageTo(to);
		String raw = getText("/api/v1/message/" + message.path("ID").asString() + "/raw");
		String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
		assertThat(message.path("Subject").asString()).isEqualTo("Reset your password");
		assertThat(headers).doesNotContainIgnoringCase("bcc").doesNotContain("pwned").doesNotContain("Eve");
		assertThat(message.path("Text").asString()).contains("Hello Eve Bcc: evil@example.test Subject: pwned")
			.doesNotContain("z".repeat(64));
		assertThat(message.path("HTML").asString()).doesNotContain("<script>").contains("&lt;script&gt;");
		assertThat(messagesTo("evil@example.test")).isEmpty();
	}

	@Test
	void aRecipientThatIsNotOnePlainAddressIsGivenUpNotSent() throws Exception {
		String to = "victim-" + UUID.randomUUID() + "@example.test\r\nBcc: evil@example.test";
		EventEnvelope<PasswordChanged> event = EventEnvelope.wrap("/keel/auth-service",
				PasswordChanged.of("u-3", to, "Ada"), null);
		publish(event);

		String id = event.id() + ":password-changed";
		Document stored = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.getCollection("emails").find(Filters.eq("_id", id)).first(),
					(document) -> document != null && "failed".equals(document.getString("status")));
		assertThat(stored.getString("lastError")).isEqualTo("Not a single valid email address");
		assertThat(messagesTo("evil@example.test")).isEmpty();
	}

	@Test
	void theSameEventTwiceSendsOneEmail() throws Exception {
		String to = "twice-" + UUID.randomUUID() + "@example.test";
		EventEnvelope<PasswordChanged> changed = EventEnvelope.wrap("/keel/auth-service",
				PasswordChanged.of("u-1", to, "Ada"), null);
		publish(changed);
		publish(changed);
		publish(verification(to, "tok-other"));

		await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(to).size() == 2);
		TimeUnit.SECONDS.sleep(2);
		assertThat(messagesTo(to)).extracting((m) -> m.path("Subject").asString())
			.containsExactlyInAnyOrder("Your password was changed", "Confirm your email address");
	}

	@Test
	void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextIsHandled() throws Exception {
		String marker = "poison-" + UUID.randomUUID();
		this.kafka.send(Topics.AUTH_EVENTS, "u-poison", "{\"not\":\"an event\",\"marker\":\"" + marker + "\"}")
			.get(10, TimeUnit.SECONDS);
		String to = "after-poison-" + UUID.randomUUID() + "@example.test";
		publish(verification(to, "tok-after"));

		awaitMessageTo(to);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> TopicRecords.all(EmbeddedInfrastructure.kafkaBootstrapServers(), Topics.AUTH_EVENTS + ".dlt")
				.stream()
				.anyMatch((record) -> record.value().contains(marker)
						&& record.headers().lastHeader("kafka_dlt-exception-message") != null));
	}

	@Test
	void anEmailQueuedWhileTheSmtpServerIsDownIsSentWhenItIsBack() throws Exception {
		sink.close();
		String to = "retry-" + UUID.randomUUID() + "@example.test";
		try {
			publish(verification(to, "tok-retry"));
			TimeUnit.SECONDS.sleep(2);
		}
		finally {
			sink = startSink();
		}
		assertThat(awaitMessageTo(to).path("Subject").asString()).isEqualTo("Confirm your email address");
	}

	private static EventEnvelope<EmailVerificationRequested> verification(String to, String token) {
		return EventEnvelope.wrap("/keel/auth-service",
				EmailVerificationRequested.of("u-1", to, "Ada", token, Instant.now().plusSeconds(3600)), null);
	}

	private void publish(EventEnvelope<?> envelope) throws Exception {
		this.kafka.send(Topics.AUTH_EVENTS, envelope.subject(), new CloudEventJson().write(envelope))
			.get(10, TimeUnit.SECONDS);
	}

	private JsonNode awaitMessageTo(String to) throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> !messagesTo(to).isEmpty());
		return messagesTo(to).get(0);
	}

	private List<JsonNode> messagesTo(String to) throws Exception {
		JsonNode page = get("/api/v1/messages");
		List<JsonNode> found = new java.util.ArrayList<>();
		for (JsonNode summary : page.path("messages")) {
			if (summary.path("To").get(0).path("Address").asString().equals(to)) {
				found.add(get("/api/v1/message/" + summary.path("ID").asString()));
			}
		}
		return found;
	}

	private JsonNode get(String path) throws Exception {
		return json.readTree(getText(path));
	}

	private String getText(String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(sink.baseUrl() + path)).build(), BodyHandlers.ofString())
			.body();
	}

	private static MailSink startSink() {
		try {
			return MailSink.start(smtpPort, 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
