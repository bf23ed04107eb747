package dev.keel.notification.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import dev.keel.events.EventEnvelope;
import dev.keel.events.Topics;
import dev.keel.notification.NotificationServiceApplication;
import dev.keel.support.outbox.CloudEventJson;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.ServiceHttp;
import dev.keel.testing.ServiceHttp.Reply;
import dev.keel.testing.TestTokens;

import static dev.keel.notification.DocumentEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service instances on one store and broker, each with its own copy of
 * the subscriptions: a subscription created or removed through one is in force on the
 * other within a second. Only the second instance hears document events here, so every
 * notification goes through its copy; the copies expire only after a minute, so nothing
 * but the change itself can make the second instance see it.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class SubscriptionChangesIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(1);

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

	private static final CloudEventJson cloudEvents = new CloudEventJson();

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> first.getBean(SubscriptionCache.class).isListening()
					&& second.getBean(SubscriptionCache.class).isListening());
		first.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("subscriptions").stop();
	}

	@AfterAll
	static void stop() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
		jwks.close();
	}

	@Test
	void aSubscriptionCreatedOnOneInstanceIsHeardThroughTheOtherWithinASecond() {
		String collection = newCollection();
		publish(updated(collection, "d0", "author-1", "author-1", "public"));
		await().atMost(Duration.ofSeconds(30)).until(() -> second.getBean(SubscriptionCache.class).holds(collection));

		String subscriber = newUser();
		subscribe(first, subscriber, collection);
		pauseFor(WITHIN);
		publish(updated(collection, "d1", "author-1", "author-1", "public"));

		assertThat(awaitItems(subscriber, 1)).singleElement()
			.satisfies((item) -> assertThat(item.path("data").path("documentId").asString()).isEqualTo("d1"));
	}

	@Test
	void aSubscriptionRemovedOnOneInstanceStopsDeliveringThroughTheOtherWithinASecond() {
		String collection = newCollection();
		String leaving = newUser();
		String staying = newUser();
		String id = subscribe(first, leaving, collection);
		subscribe(first, staying, collection);
		publish(updated(collection, "d1", "author-1", "author-1", "public"));
		assertThat(awaitItems(leaving, 1)).hasSize(1);
		assertThat(awaitItems(staying, 1)).hasSize(1);
		assertThat(second.getBean(SubscriptionCache.class).holds(collection)).isTrue();

		assertThat(call(first, "DELETE", "/api/notifications/subscriptions/" + id, tokens.token(leaving)).status())
			.isEqualTo(204);
		pauseFor(WITHIN);
		publish(updated(collection, "d2", "author-1", "author-1", "public"));

		assertThat(awaitItems(staying, 2)).hasSize(2);
		assertThat(items(leaving)).singleElement()
			.satisfies((item) -> assertThat(item.path("data").path("documentId").asString()).isEqualTo("d1"));
	}

	@Test
	void theInstanceThatChangedASubscriptionUsesItAtOnce() {
		String collection = newCollection();
		publish(updated(collection, "d0", "author-1", "author-1", "public"));
		await().atMost(Duration.ofSeconds(30)).until(() -> second.getBean(SubscriptionCache.class).holds(collection));

		String subscriber = newUser();
		subscribe(second, subscriber, collection);
		assertThat(second.getBean(SubscriptionCache.class).holds(collection)).isFalse();
		publish(updated(collection, "d1", "author-1", "author-1", "public"));

		assertThat(awaitItems(subscriber, 1)).hasSize(1);
	}

	private static String subscribe(ConfigurableApplicationContext instance, String user, String collection) {
		Reply reply = ServiceHttp.call(port(instance), "POST", "/api/notifications/subscriptions", tokens.token(user),
				Map.of("collection", collection), Map.of());
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().path("id").asString();
	}

	private static List<JsonNode> awaitItems(String user, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> items(user), (items) -> items.size() >= count);
	}

	private static List<JsonNode> items(String user) {
		Reply reply = call(second, "GET", "/api/notifications", tokens.token(user));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("items").valueStream().toList();
	}

	private static void publish(EventEnvelope<?> event) {
		try {
			@SuppressWarnings("unchecked")
			KafkaTemplate<String, String> kafka = first.getBean(KafkaTemplate.class);
			kafka.send(Topics.DATA_EVENTS, event.data().aggregateId(), cloudEvents.write(event))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.id(), ex);
		}
	}

	private static void pauseFor(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Reply call(ConfigurableApplicationContext instance, String method, String path, String token) {
		return ServiceHttp.call(port(instance), method, path, token, null, Map.of());
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

	private static String newCollection() {
		return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(NotificationServiceApplication.class).run("--server.port=0",
				"--management.server.port=0", "--eureka.client.enabled=false",
				"--spring.mongodb.database=notification_subscription_changes_tests",
				"--spring.kafka.consumer.group-id=notification-subscription-changes-tests",
				"--keel.notification.subscriptions.cache-time-to-live=60s", "--keel.security.jwk-set-uri=" + jwks.uri(),
				"--keel.security.load-balanced=false", "--keel.security.issuer=" + tokens.issuer());
	}

}
