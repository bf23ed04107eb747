package dev.keel.support.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import dev.keel.events.auth.UserDisabled;

import static org.assertj.core.api.Assertions.assertThat;

class EventDeadLettersTests {

	private static final TopicPartition DLT = new TopicPartition("keel.auth.events.dlt", -1);

	private final EventDeadLetters deadLetters = new EventDeadLetters(new DefaultKafkaProducerFactory<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
					StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));

	@AfterEach
	void destroy() {
		this.deadLetters.destroy();
	}

	@Test
	void anEventWhoseListenerFailedGoesOutAsItsProducerWroteIt() {
		String json = "{\"specversion\":\"1.0\",\"id\":\"evt-1\"}";
		ConsumerRecord<String, Object> record = new ConsumerRecord<>("keel.auth.events", 0, 7, "u-42",
				UserDisabled.of("u-42", "ada@example.com"));
		RecordHeaders headers = new RecordHeaders();
		headers.add("traceparent", bytes("00-abc-01"));
		headers.add(IntegrationEventDeserializer.JSON_HEADER, bytes(json));

		ProducerRecord<Object, Object> dead = this.deadLetters.createProducerRecord(record, DLT, headers, null, null);

		assertThat(dead.topic()).isEqualTo("keel.auth.events.dlt");
		assertThat(dead.key()).isEqualTo("u-42");
		assertThat(dead.value()).isEqualTo(bytes(json));
		assertThat(dead.headers().lastHeader(IntegrationEventDeserializer.JSON_HEADER)).isNull();
		assertThat(dead.headers().lastHeader("traceparent")).isNotNull();
	}

	@Test
	void anUnreadableRecordGoesOutWithTheBytesThatCouldNotBeRead() {
		ConsumerRecord<String, Object> record = new ConsumerRecord<>("keel.auth.events", 0, 7, "u-42", null);

		ProducerRecord<Object, Object> dead = this.deadLetters.createProducerRecord(record, DLT, new RecordHeaders(),
				null, bytes("not json {"));

		assertThat(dead.value()).isEqualTo(bytes("not json {"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
