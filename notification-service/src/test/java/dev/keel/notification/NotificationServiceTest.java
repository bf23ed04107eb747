package dev.keel.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.mongodb.client.model.Filters;
import org.bson.Document;

import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.events.EventEnvelope;
import dev.keel.embedded.MailSink;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.ServiceHttp;
import dev.keel.testing.ServiceHttp.Reply;
import dev.keel.testing.TestTokens;
import dev.keel.support.outbox.CloudEventJson;

import static org.awaitility.Awaitility.await;

/**
 * notification-service on a real Kafka broker, MongoDB-wire store and SMTP sink, called
 * over real HTTP with tokens from a test JWKS. Test classes extending it share one
 * application context, with retry pauses and heartbeats shortened so tests run in
 * seconds.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"eureka.client.enabled=false", "spring.mongodb.database=notification_tests",
		"spring.kafka.consumer.group-id=notification-tests", "keel.notification.email.initial-backoff=200ms",
		"keel.notification.email.poll-interval=200ms", "keel.notification.email.app-url=https://app.example.test",
		"keel.notification.email.notifications-per-hour=3", "keel.notification.webhooks.retry-schedule=300ms,600ms",
		"keel.notification.webhooks.poll-interval=200ms", "keel.notification.stream.heartbeat=1s" })
public abstract class NotificationServiceTest implements ServiceHttp.Calls {

	protected static final TestTokens tokens = TestTokens.create();

	protected static final JwksServer jwks = JwksServer.start(tokens);

	protected static final JsonMapper json = JsonMapper.builder().build();

	protected static final int smtpPort = freePort();

	/** The SMTP sink every email of the tests goes to, readable through its HTTP API. */
	protected static final MailSink mail = startMailSink();

	private static final CloudEventJson cloudEvents = new CloudEventJson();

	@LocalServerPort
	protected int port;

	@Autowired
	protected KafkaTemplate<String, String> kafka;

	@Autowired
	protected MongoTemplate mongo;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.load-balanced", () -> false);
		registry.add("keel.security.issuer", tokens::issuer);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtpPort);
	}

	protected static String admin() {
		return tokens.token("admin-1", "admin");
	}

	/**
	 * Publishes an event the way its producing service does: CloudEvents JSON, keyed by
	 * aggregate.
	 */
	protected void publish(String topic, EventEnvelope<?> event) {
		try {
			this.kafka.send(topic, event.data().aggregateId(), cloudEvents.write(event)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.id(), ex);
		}
	}

	/**
	 * Waits until the service has taken in what auth-service's events said about a user
	 * (the events travel on another topic than the document events a test publishes next,
	 * so nothing else orders the two).
	 */
	protected void awaitAccount(String userId, Predicate<Document> taken) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Document account = this.mongo.getCollection("accounts").find(Filters.eq("_id", userId)).first();
			return account != null && taken.test(account);
		});
	}

	@Override
	public Reply call(String method, String path, String token, Object body, Map<String, String> headers) {
		return ServiceHttp.call(this.port, method, path, token, body, headers);
	}

	private static MailSink startMailSink() {
		try {
			return MailSink.start(smtpPort, freePort());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the mail sink", ex);
		}
	}

	protected static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
