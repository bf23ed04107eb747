package dev.keel.notification.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A subscription change is in force on this instance at once and never waits for Kafka:
 * while the producer cannot send (as when Kafka is away and it waits for metadata), the
 * change returns and what is to be published waits, once per collection.
 */
class SubscriptionChangesTests {

	// Only guards against a test that hangs; the request path takes microseconds.
	private static final Duration HANG = Duration.ofSeconds(10);

	private static final String TOPIC = "keel.notification.subscriptions";

	private final CountDownLatch kafkaBack = new CountDownLatch(1);

	private final StuckProducer producer = new StuckProducer(this.kafkaBack);

	private final SubscriptionCache cache = new SubscriptionCache(Duration.ofMinutes(1));

	private final SubscriptionChanges changes = new SubscriptionChanges(this.cache,
			new SubscriptionProperties(TOPIC, Duration.ofMinutes(1)), new OneProducer(this.producer));

	@AfterEach
	void stop() throws InterruptedException {
		this.kafkaBack.countDown();
		this.changes.destroy();
	}

	@Test
	void aChangeIsInForceHereAndReturnsWhileKafkaCannotBeReached() {
		this.cache.listening(true);
		this.cache.ofCollection("tasks", (collection) -> List.of());
		assertThat(this.cache.holds("tasks")).isTrue();

		assertTimeoutPreemptively(HANG, () -> {
			this.changes.changed("tasks");
			this.changes.changed("notes");
		});

		assertThat(this.cache.holds("tasks")).isFalse();
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void changesMadeWhileKafkaIsAwayArePublishedOncePerCollectionWhenItIsBack() throws InterruptedException {
		this.changes.changed("tasks");
		this.producer.sending.await();
		assertTimeoutPreemptively(HANG, () -> {
			this.changes.changed("notes");
			this.changes.changed("notes");
			this.changes.changed("tasks");
		});

		this.kafkaBack.countDown();

		await().atMost(HANG).untilAsserted(() -> assertThat(published()).containsExactly("tasks", "notes", "tasks"));
	}

	@Test
	void tooManyWaitingCollectionsArePublishedAsOneChangeOfAll() throws InterruptedException {
		this.changes.changed("first");
		this.producer.sending.await();
		for (int i = 0; i <= SubscriptionChanges.MAXIMUM_PENDING; i++) {
			this.changes.changed("collection-" + i);
		}

		this.kafkaBack.countDown();

		await().atMost(HANG)
			.untilAsserted(() -> assertThat(published()).containsExactly("first", SubscriptionCache.ALL));
	}

	private List<String> published() {
		return this.producer.history().stream().map(ProducerRecord::key).toList();
	}

	/** A producer whose sends wait until Kafka is back. */
	static final class StuckProducer extends MockProducer<String, String> {

		final CountDownLatch sending = new CountDownLatch(1);

		private final CountDownLatch back;

		StuckProducer(CountDownLatch back) {
			super(oneTopic(), true, null, new StringSerializer(), new StringSerializer());
			this.back = back;
		}

		@Override
		public Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
			this.sending.countDown();
			try {
				this.back.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new org.apache.kafka.common.errors.InterruptException(ex);
			}
			return super.send(record, callback);
		}

		private static Cluster oneTopic() {
			Node node = new Node(0, "localhost", 9092);
			Node[] nodes = { node };
			return new Cluster("test", List.of(node), List.of(new PartitionInfo(TOPIC, 0, node, nodes, nodes)),
					Set.of(), Set.of());
		}

		@Override
		public void close() {
			// Shared by every send, like the factory's own producer.
		}

		@Override
		public void close(Duration timeout) {
			// As above.
		}

	}

	/** Gives the same producer every time, as the factory of a running service does. */
	static final class OneProducer extends DefaultKafkaProducerFactory<String, String> {

		private final Producer<String, String> producer;

		OneProducer(Producer<String, String> producer) {
			super(Map.of());
			this.producer = producer;
		}

		@Override
		public Producer<String, String> createProducer() {
			return this.producer;
		}

		@Override
		public ProducerFactory<String, String> copyWithConfigurationOverride(Map<String, Object> overrides) {
			return this;
		}

	}

}
