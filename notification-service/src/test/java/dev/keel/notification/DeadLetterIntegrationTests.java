package dev.keel.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.keel.events.Topics;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records the listeners cannot read end on {@code <topic>.dlt} exactly as they were
 * published, once per consumer group that gave up on them, so they can be replayed.
 */
class DeadLetterIntegrationTests extends NotificationServiceTest {

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicAsPublishedFromEveryGroupThatReadsIt() throws Exception {
		String poison = "{\"not\":\"an event\",\"marker\":\"poison-" + UUID.randomUUID() + "\"}";

		this.kafka.send(Topics.AUTH_EVENTS, "u-poison", poison).get(10, TimeUnit.SECONDS);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deadLetterGroups(Topics.AUTH_EVENTS, poison)).containsExactlyInAnyOrder(
					"notification-tests.accounts", "notification-tests", "notification-tests.webhooks"));
	}

	@Test
	void anEventOfATypeThisVersionDoesNotKnowIsKeptForReplayExceptByTheWebhooks() throws Exception {
		String newer = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
				+ "\",\"source\":\"/keel/data-service\",\"type\":\"keel.document.archived\",\"subject\":\"tasks/d1\","
				+ "\"data\":{\"collection\":\"tasks\",\"documentId\":\"d1\"}}";

		this.kafka.send(Topics.DATA_EVENTS, "tasks/d1", newer).get(10, TimeUnit.SECONDS);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> deadLetterGroups(Topics.DATA_EVENTS, newer).contains("notification-tests.subscriptions"));
		TimeUnit.SECONDS.sleep(2);
		assertThat(deadLetterGroups(Topics.DATA_EVENTS, newer)).containsExactly("notification-tests.subscriptions");
	}

	private static List<String> deadLetterGroups(String topic, String value) {
		return TopicRecords.all(EmbeddedInfrastructure.kafkaBootstrapServers(), Topics.deadLetter(topic))
			.stream()
			.filter((record) -> value.equals(record.value()))
			.map((record) -> TopicRecords.header(record, "kafka_dlt-original-consumer-group"))
			.toList();
	}

}
