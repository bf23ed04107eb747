package dev.keel.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

import dev.keel.events.EventEnvelope;

/**
 * Sends one entry to Kafka and waits for the broker's acknowledgement.
 * <p>
 * It has its own producer, derived from the service's producer factory (same servers,
 * security and tuning) with four differences. Keys and values are strings, whatever the
 * service uses. It sends at once ({@code linger.ms} 0, where Kafka 4 waits 5 ms for more
 * records): the relay waits for each acknowledgement before a document's next entry, so a
 * linger would add up along a document's entries, and concurrent drains fill batches
 * anyway while a request is in flight. Every timeout is bounded by
 * {@code keel.outbox.send-timeout}, so a send reported failed has really been given up,
 * instead of lingering in the producer's buffer and arriving after the relay sent it
 * again. And observations are off: an observed template writes its own
 * {@code traceparent} header over the one of the request that caused the event. Its
 * failures are not logged with the record, as a {@code KafkaTemplate}'s default listener
 * does: events may carry personal data and single-use tokens.
 */
final class OutboxPublisher {

	static final String CONTENT_TYPE_HEADER = "content-type";

	static final String TRACEPARENT_HEADER = "traceparent";

	private final KafkaTemplate<String, String> template;

	private final Duration patience;

	OutboxPublisher(ProducerFactory<?, ?> producerFactory, Duration sendTimeout) {
		this.template = new KafkaTemplate<>(asStrings(producerFactory), overrides(sendTimeout));
		this.template.setAllowNonTransactional(true);
		this.template.setProducerListener(new ProducerListener<>() {
		});
		// A send may block for metadata, then wait for delivery: each is bounded by the
		// send timeout, so the future always completes before this.
		this.patience = sendTimeout.multipliedBy(2).plusSeconds(1);
	}

	/**
	 * The overrides replace the serializers, so the factory's own generic types do not
	 * matter.
	 */
	@SuppressWarnings("unchecked")
	private static ProducerFactory<String, String> asStrings(ProducerFactory<?, ?> producerFactory) {
		return (ProducerFactory<String, String>) producerFactory;
	}

	private static Map<String, Object> overrides(Duration sendTimeout) {
		long millis = sendTimeout.toMillis();
		return Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(millis), ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
				String.valueOf(millis), ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(millis / 2),
				ProducerConfig.LINGER_MS_CONFIG, "0");
	}

	/**
	 * Publishes an entry: value the payload, key the entry's key, headers the structured
	 * content type and the {@code traceparent} when there is one.
	 * @throws PublishFailedException if the broker did not acknowledge it
	 */
	void publish(OutboxEntry entry) {
		ProducerRecord<String, String> record = new ProducerRecord<>(entry.topic(), entry.key(), entry.payload());
		record.headers().add(CONTENT_TYPE_HEADER, bytes(EventEnvelope.STRUCTURED_CONTENT_TYPE));
		if (entry.traceparent() != null) {
			record.headers().add(TRACEPARENT_HEADER, bytes(entry.traceparent()));
		}
		try {
			this.template.send(record).get(this.patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException(ex);
		}
		catch (ExecutionException ex) {
			throw new PublishFailedException(ex.getCause());
		}
		catch (TimeoutException | RuntimeException ex) {
			throw new PublishFailedException(ex);
		}
	}

	void close() {
		this.template.destroy();
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/** Kafka did not take an entry; it stays in the outbox. */
	static final class PublishFailedException extends RuntimeException {

		PublishFailedException(Throwable cause) {
			super(NestedExceptionUtils.getMostSpecificCause(cause).getMessage(), cause);
		}

		/**
		 * Whether Kafka may take the entry on a later try without anything changing, as
		 * after a timeout or a lost connection; otherwise the entry itself is refused
		 * (too large, a topic that may not be written), and only a fix will help.
		 */
		boolean retriable() {
			for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof RetriableException || cause instanceof TimeoutException
						|| cause instanceof InterruptedException) {
					return true;
				}
			}
			return false;
		}

	}

}
