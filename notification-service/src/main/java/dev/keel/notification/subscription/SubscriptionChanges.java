package dev.keel.notification.subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Keeps every instance's {@link SubscriptionCache} current: a change is applied to this
 * instance's copy at once and published on the changes topic (key: the collection), which
 * every instance reads in a consumer group of its own, from the end, never committing.
 * <p>
 * Publishing is best effort, like the stream's: when Kafka is away the change is stored
 * all the same, and other instances forget their copy when it expires. It happens on a
 * thread of its own, so that a subscription request never waits for Kafka (a producer
 * that cannot reach it blocks for up to {@code max.block.ms}); changes waiting to be
 * published are kept once per collection, and past {@value #MAXIMUM_PENDING} collections
 * as one change of {@link SubscriptionCache#ALL}.
 */
class SubscriptionChanges implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionChanges.class);

	private static final Map<String, Object> PRODUCER = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
			ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000,
			ProducerConfig.LINGER_MS_CONFIG, 0);

	static final int MAXIMUM_PENDING = 1000;

	private final SubscriptionCache cache;

	private final String topic;

	private final Duration timeToLive;

	private final KafkaTemplate<String, String> kafka;

	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private final Semaphore waiting = new Semaphore(0);

	private final Thread publisher;

	SubscriptionChanges(SubscriptionCache cache, SubscriptionProperties properties,
			ProducerFactory<String, String> producers) {
		this.cache = cache;
		this.topic = properties.changesTopic();
		this.timeToLive = properties.cacheTimeToLive();
		this.kafka = new KafkaTemplate<>(producers, PRODUCER);
		this.publisher = Thread.ofVirtual().name("keel-subscription-changes").start(this::publishPending);
	}

	/**
	 * Tells every instance that the subscriptions of a collection changed.
	 * @param collection the collection, or {@link SubscriptionCache#ALL}
	 */
	void changed(String collection) {
		this.cache.changed(collection);
		if (this.pending.size() >= MAXIMUM_PENDING) {
			this.pending.clear();
			collection = SubscriptionCache.ALL;
		}
		this.pending.add(collection);
		this.waiting.release();
	}

	private void publishPending() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.waiting.acquire();
			}
			catch (InterruptedException ex) {
				return;
			}
			this.waiting.drainPermits();
			List<String> collections = new ArrayList<>(this.pending);
			collections.forEach(this.pending::remove);
			collections.forEach(this::publish);
		}
	}

	private void publish(String collection) {
		try {
			this.kafka.send(new ProducerRecord<>(this.topic, collection, collection)).whenComplete((result, ex) -> {
				if (ex != null) {
					notPublished(collection, ex);
				}
			});
		}
		catch (RuntimeException ex) {
			notPublished(collection, ex);
		}
	}

	@KafkaListener(id = "subscription-changes", idIsGroup = false,
			containerFactory = SubscriptionChangesConfiguration.CONTAINER_FACTORY,
			topics = "${keel.notification.subscriptions.changes-topic:keel.notification.subscriptions}",
			groupId = "${spring.kafka.consumer.group-id:notification-service}.subscription-changes.${random.uuid}",
			properties = "auto.offset.reset=latest")
	void on(ConsumerRecord<String, String> record) {
		if (record.key() != null) {
			this.cache.changed(record.key());
		}
	}

	private void notPublished(String collection, Throwable ex) {
		log.warn("Could not tell other instances that the subscriptions of {} changed ({}); they notice within {}",
				collection, ex.getMessage(), this.timeToLive);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.publisher.interrupt();
		this.publisher.join(Duration.ofSeconds(5));
		this.kafka.destroy();
	}

}
