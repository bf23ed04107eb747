package dev.keel.support.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import dev.keel.events.Topics;

/**
 * Publishes an event record a listener gave up on to {@code <topic>.dlt}
 * ({@link Topics#deadLetter(String)}), with the exception in Spring Kafka's
 * {@code kafka_dlt-*} headers, and always with the record's original bytes: those that
 * could not be read, or the JSON {@link IntegrationEventDeserializer} kept for one whose
 * listener failed. So the dead-letter topic holds the events as their producer wrote
 * them, ready to be replayed, whatever the listener's value type.
 */
public class EventDeadLetters extends DeadLetterPublishingRecoverer implements DisposableBean {

	private final KafkaTemplate<Object, Object> template;

	public EventDeadLetters(ProducerFactory<?, ?> producers) {
		this(bytes(producers));
	}

	private EventDeadLetters(KafkaTemplate<Object, Object> template) {
		super(template, (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		this.template = template;
	}

	@Override
	protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
			TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
		Header json = headers.lastHeader(IntegrationEventDeserializer.JSON_HEADER);
		headers.remove(IntegrationEventDeserializer.JSON_HEADER);
		byte[] original = value;
		if (original == null && json != null) {
			original = json.value();
		}
		else if (original == null && record.value() instanceof String text) {
			original = text.getBytes(StandardCharsets.UTF_8);
		}
		return super.createProducerRecord(record, topicPartition, headers, key, original);
	}

	@Override
	public void destroy() {
		this.template.destroy();
	}

	@SuppressWarnings("unchecked")
	private static KafkaTemplate<Object, Object> bytes(ProducerFactory<?, ?> producers) {
		return new KafkaTemplate<>((ProducerFactory<Object, Object>) producers,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

}
