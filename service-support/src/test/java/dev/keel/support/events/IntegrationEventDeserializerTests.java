package dev.keel.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.keel.events.EventEnvelope;
import dev.keel.events.IntegrationEvent;
import dev.keel.events.auth.UserDisabled;
import dev.keel.support.outbox.CloudEventJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IntegrationEventDeserializerTests {

	private static final String NEWER_TYPE = """
			{"specversion":"1.0","id":"evt-9","source":"/keel/auth-service","type":"keel.user.renamed",
			"time":"2026-11-23T10:15:30.123Z","subject":"u-42","data":{"userId":"u-42"}}""";

	private final UserDisabled disabled = UserDisabled.of("u-42", "ada@example.com");

	private final String disabledJson = new CloudEventJson()
		.write(EventEnvelope.wrap("/keel/auth-service", this.disabled, null));

	@Test
	void readsAnEventAsTheRecordOfItsType() {
		IntegrationEvent event = deserializer(Map.of()).deserialize("keel.auth.events", bytes(this.disabledJson));

		assertThat(event).isEqualTo(this.disabled);
	}

	@Test
	void refusesWhatIsNotJsonOrNotACloudEvent() {
		IntegrationEventDeserializer deserializer = deserializer(Map.of());

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize("t", bytes("not json {")));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize("t", bytes("{\"not\":\"an event\"}")))
			.withMessageContaining("Not a CloudEvents event");
	}

	@Test
	void refusesAnEventWhoseDataDoesNotFitItsType() {
		String broken = this.disabledJson.replace("\"userId\"", "\"nobody\"");

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer(Map.of()).deserialize("t", bytes(broken)));
	}

	@Test
	void refusesAnUnknownTypeUnlessAskedToPassItOn() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer(Map.of()).deserialize("t", bytes(NEWER_TYPE)))
			.withMessageContaining("does not know");

		IntegrationEvent event = deserializer(Map.of(IntegrationEventDeserializer.PASS_UNKNOWN_TYPES, "true"))
			.deserialize("t", bytes(NEWER_TYPE));

		assertThat(event).isEqualTo(
				new UnknownEvent("evt-9", Instant.parse("2026-11-23T10:15:30.123Z"), "u-42", "keel.user.renamed"));
	}

	@Test
	void tellsCloudEventsOfUnknownTypesFromOtherJson() {
		IntegrationEventDeserializer deserializer = deserializer(
				Map.of(IntegrationEventDeserializer.PASS_UNKNOWN_TYPES, "true"));

		assertThat(deserializer.deserialize("t",
				bytes("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"keel.document.archived\",\"data\":{}}")))
			.isEqualTo(new UnknownEvent("e-1", null, null, "keel.document.archived"));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize("t", bytes("{\"not\":\"an event\"}")));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> deserializer.deserialize("t", bytes("[1, 2]")));
	}

	@Test
	void keepsTheRecordsJsonAsItWasOnTheTopic() {
		RecordHeaders headers = new RecordHeaders();
		deserializer(Map.of()).deserialize("t", headers, bytes(this.disabledJson));
		ConsumerRecord<String, IntegrationEvent> record = new ConsumerRecord<>("t", 0, 0, "u-42", this.disabled);
		headers.forEach((header) -> record.headers().add(header));

		assertThat(IntegrationEventDeserializer.json(record)).isEqualTo(this.disabledJson);
	}

	@Test
	void hasNoJsonForARecordItDidNotRead() {
		ConsumerRecord<String, IntegrationEvent> record = new ConsumerRecord<>("t", 0, 0, "u-42", this.disabled);

		assertThatIllegalStateException().isThrownBy(() -> IntegrationEventDeserializer.json(record));
	}

	@Test
	void readsATombstoneAsNull() {
		assertThat(deserializer(Map.of()).deserialize("t", null)).isNull();
	}

	private static IntegrationEventDeserializer deserializer(Map<String, ?> configs) {
		IntegrationEventDeserializer deserializer = new IntegrationEventDeserializer();
		deserializer.configure(configs, false);
		return deserializer;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
