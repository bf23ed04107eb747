package dev.keel.notification.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import dev.keel.notification.account.AccountDisabled;
import dev.keel.notification.inbox.Notification;
import dev.keel.notification.inbox.NotificationCreated;

/**
 * Brings every new item to the streams that want it, wherever they are held. The instance
 * that stored the item passes it to its own streams at once and publishes it on the
 * stream topic (key: the user id); every instance reads that topic in a consumer group of
 * its own, from the end, and passes on the items that other instances published.
 * <p>
 * Publishing is best effort: when Kafka is away the item is still in the inbox, and a
 * client whose stream is on another instance gets it when it reconnects with
 * {@code Last-Event-ID}. So the producer gives up after seconds rather than holding up
 * whoever delivered the item.
 * <p>
 * A disabled account's streams are closed the same way: the instance that handled the
 * event closes those it holds and publishes a record with the {@value #CLOSE} header and
 * no value (which versions before it skip), on which every other instance closes its own.
 * That record is not best effort: if it cannot be published, the account event fails and
 * is tried again.
 */
@Component
class StreamFanOut implements DisposableBean {

	static final String ORIGIN = "keel-stream-origin";

	static final String CLOSE = "keel-stream-close";

	private static final Duration CLOSE_PUBLISH_TIMEOUT = Duration.ofSeconds(15);

	private static final Logger log = LoggerFactory.getLogger(StreamFanOut.class);

	private static final Map<String, Object> PRODUCER = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
			ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000,
			ProducerConfig.LINGER_MS_CONFIG, 0);

	private final String instanceId = UUID.randomUUID().toString();

	private final Streams streams;

	private final StreamJson json;

	private final String topic;

	private final KafkaTemplate<String, String> kafka;

	StreamFanOut(Streams streams, StreamJson json, StreamProperties properties,
			ProducerFactory<String, String> producers) {
		this.streams = streams;
		this.json = json;
		this.topic = properties.topic();
		this.kafka = new KafkaTemplate<>(producers, PRODUCER);
	}

	@EventListener
	void on(NotificationCreated event) {
		Notification notification = event.notification();
		this.streams.deliver(notification);
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, notification.userId(),
				this.json.record(notification));
		record.headers().add(ORIGIN, this.instanceId.getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).whenComplete((result, ex) -> {
				if (ex != null) {
					notPublished(notification, ex);
				}
			});
		}
		catch (RuntimeException ex) {
			notPublished(notification, ex);
		}
	}

	@EventListener
	void on(AccountDisabled event) {
		this.streams.closeAll(event.userId());
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, event.userId(), null);
		record.headers().add(ORIGIN, this.instanceId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(CLOSE, "account-disabled".getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(CLOSE_PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while closing the streams of " + event.userId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(
					"Could not tell other instances to close the streams of " + event.userId() + ": " + ex.getMessage(),
					ex);
		}
	}

	@KafkaListener(id = "notification-stream", idIsGroup = false, containerFactory = "streamListenerContainerFactory",
			topics = "${keel.notification.stream.topic:keel.notification.stream}",
			groupId = "${spring.kafka.consumer.group-id:notification-service}.stream.${random.uuid}",
			properties = "auto.offset.reset=latest")
	void on(ConsumerRecord<String, String> record) {
		if (record.headers().lastHeader(CLOSE) != null && record.key() != null && !fromHere(record)) {
			this.streams.closeAll(record.key());
			return;
		}
		if (record.value() == null || fromHere(record)
				|| (record.key() != null && !this.streams.hasStreams(record.key()))) {
			return;
		}
		try {
			Notification notification = this.json.notification(record.value());
			if (notification.id() != null && notification.userId() != null) {
				this.streams.deliver(notification);
			}
		}
		catch (JacksonException ex) {
			log.warn("Skipped a stream record that is not a notification ({}): {}", record.key(), ex.getMessage());
		}
	}

	private boolean fromHere(ConsumerRecord<String, String> record) {
		Header origin = record.headers().lastHeader(ORIGIN);
		return origin != null && this.instanceId.equals(new String(origin.value(), StandardCharsets.UTF_8));
	}

	private static void notPublished(Notification notification, Throwable ex) {
		log.warn("Could not publish notification {} to other instances' streams ({}); clients there get it when"
				+ " they reconnect", notification.id(), ex.getMessage());
	}

	@Override
	public void destroy() {
		this.kafka.destroy();
	}

}
