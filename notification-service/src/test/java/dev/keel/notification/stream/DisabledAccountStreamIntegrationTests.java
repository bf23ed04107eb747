package dev.keel.notification.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.keel.events.Topics;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.ServiceHttp.Reply;
import dev.keel.testing.TopicRecords;
import dev.keel.notification.NotificationServiceTest;
import dev.keel.notification.UserEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A disabled account's live streams end at once, on this instance and, through the stream
 * topic, on every other; new ones are refused until auth-service announces the account
 * enabled again.
 */
class DisabledAccountStreamIntegrationTests extends NotificationServiceTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String TOPIC = "keel.notification.stream";

	@Autowired
	FanOutAssignment fanOut;

	@Test
	void disablingClosesTheUsersStreamsTellsTheOtherInstancesAndRefusesNewOnes() {
		String user = newUser();
		String other = newUser();
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user), Map.of());
				EventStream second = EventStream.withToken(this.port, tokens.token(user), Map.of());
				EventStream othersStream = EventStream.withToken(this.port, tokens.token(other), Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			stream.next(WAIT);
			second.next(WAIT);
			othersStream.next(WAIT);

			publish(Topics.AUTH_EVENTS, UserEvents.disabled(user));

			assertThat(stream.ended(WAIT)).isTrue();
			assertThat(second.ended(WAIT)).isTrue();
			assertThat(othersStream.ended(Duration.ofSeconds(1))).isFalse();
		}
		await().atMost(WAIT)
			.until(() -> TopicRecords.withKey(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC, user)
				.stream()
				.anyMatch((record) -> record.headers().lastHeader(StreamFanOut.CLOSE) != null));
		Reply refused = get("/api/notifications/stream", tokens.token(user));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.code()).isEqualTo("account_disabled");
		String ticket = post("/api/notifications/stream-ticket", tokens.token(user), null).json()
			.path("ticket")
			.asString();
		assertThat(get("/api/notifications/stream?ticket=" + ticket, null).code()).isEqualTo("account_disabled");
	}

	@Test
	void streamsCloseWhenAnotherInstanceAnnouncesADisabledAccount() throws Exception {
		await().atMost(WAIT).until(this.fanOut::listening);
		String user = newUser();
		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user), Map.of())) {
			stream.next(WAIT);
			ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, user, null);
			record.headers().add(StreamFanOut.ORIGIN, "another-instance".getBytes(StandardCharsets.UTF_8));
			record.headers().add(StreamFanOut.CLOSE, "account-disabled".getBytes(StandardCharsets.UTF_8));
			this.kafka.send(record).get(10, TimeUnit.SECONDS);

			assertThat(stream.ended(WAIT)).isTrue();
		}
	}

	@Test
	void enablingTheAccountAgainLetsTheUserOpenStreamsAgain() {
		String user = newUser();
		String token = tokens.token(user);
		publish(Topics.AUTH_EVENTS, UserEvents.disabled(user));
		awaitAccount(user, (account) -> account.getBoolean("disabled", false));
		assertThat(get("/api/notifications/stream", token).code()).isEqualTo("account_disabled");

		publish(Topics.AUTH_EVENTS, UserEvents.enabled(user));
		awaitAccount(user, (account) -> !account.getBoolean("disabled", true));

		try (EventStream stream = EventStream.withToken(this.port, token, Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.next(WAIT).comments()).isNotEmpty();
		}
	}

	@Test
	void theLastOfQuickDisablingsAndEnablingsDecides() {
		String user = newUser();
		publish(Topics.AUTH_EVENTS, UserEvents.disabled(user));
		publish(Topics.AUTH_EVENTS, UserEvents.enabled(user));
		publish(Topics.AUTH_EVENTS, UserEvents.disabled(user));
		// a later event of the same user, handled only after the others
		publish(Topics.AUTH_EVENTS, UserEvents.rolesChanged(user, "user"));
		awaitAccount(user, (account) -> account.getList("roles", String.class) != null);

		assertThat(get("/api/notifications/stream", tokens.token(user)).code()).isEqualTo("account_disabled");

		publish(Topics.AUTH_EVENTS, UserEvents.enabled(user));
		publish(Topics.AUTH_EVENTS, UserEvents.rolesChanged(user, "staff"));
		awaitAccount(user, (account) -> account.getList("roles", String.class).contains("staff"));

		try (EventStream stream = EventStream.withToken(this.port, tokens.token(user), Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
		}
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

}
