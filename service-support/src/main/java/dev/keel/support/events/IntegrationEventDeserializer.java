package dev.keel.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.events.EventEnvelope;
import dev.keel.events.IntegrationEvent;
import dev.keel.support.outbox.CloudEventJson;

/**
 * Reads a Kafka record's CloudEvents JSON (structured mode, as {@link CloudEventJson}
 * writes it) into the event its {@code type} names. A record that is not JSON, not a
 * CloudEvent, or whose {@code data} does not fit its type fails with a
 * {@link SerializationException}; so does, by default, a CloudEvent of a type this
 * version does not know. Behind Spring Kafka's {@code ErrorHandlingDeserializer} such a
 * record never reaches the listener: the container hands it to the error handler, which
 * publishes its original bytes to the dead-letter topic.
 * <p>
 * The record's JSON as it was on the topic stays in its {@value #JSON_HEADER} header, for
 * listeners that forward it unchanged ({@link #json(ConsumerRecord)}) and for
 * {@link EventDeadLetters}, which publishes those bytes rather than the typed event. A
 * listener that wants CloudEvents of unknown types passed on as {@link UnknownEvent}s
 * instead of failing sets the consumer property {@value #PASS_UNKNOWN_TYPES}{@code =true}
 * ({@code @KafkaListener(properties = ...)}).
 */
public class IntegrationEventDeserializer implements Deserializer<IntegrationEvent> {

	/** The consumer property that passes unknown types on as {@link UnknownEvent}s. */
	public static final String PASS_UNKNOWN_TYPES = "keel.events.pass-unknown-types";

	/** The header that holds a record's JSON as it was on the topic. */
	public static final String JSON_HEADER = "keel-event-json";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final CloudEventJson json = new CloudEventJson();

	private boolean passUnknownTypes;

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.passUnknownTypes = isTrue(configs.get(PASS_UNKNOWN_TYPES));
	}

	@Override
	public IntegrationEvent deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public IntegrationEvent deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		String record = new String(data, StandardCharsets.UTF_8);
		IntegrationEvent event = read(record);
		if (headers != null) {
			headers.add(JSON_HEADER, data);
		}
		return event;
	}

	/**
	 * The JSON of a record as it was on the topic.
	 * @param record the record a listener received
	 * @return its CloudEvents JSON
	 * @throws IllegalStateException if the record was not read by this deserializer
	 */
	public static String json(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(JSON_HEADER);
		if (header == null) {
			throw new IllegalStateException(
					"Not a record read by " + IntegrationEventDeserializer.class.getSimpleName());
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private IntegrationEvent read(String record) {
		try {
			EventEnvelope<?> envelope = this.json.read(record).orElse(null);
			if (envelope != null) {
				return envelope.data();
			}
			JsonNode tree = mapper.readTree(record);
			if (!isCloudEvent(tree)) {
				throw new SerializationException("Not a CloudEvents event: " + abbreviate(record));
			}
			if (!this.passUnknownTypes) {
				throw new SerializationException(
						"An event of a type this version does not know: " + abbreviate(record));
			}
			return new UnknownEvent(tree.path("id").asString(), time(tree), tree.path("subject").asString(null),
					tree.path("type").asString());
		}
		catch (JacksonException ex) {
			throw new SerializationException("Not a Keel event: " + abbreviate(record), ex);
		}
	}

	private static boolean isCloudEvent(JsonNode event) {
		return event.path("specversion").isString() && event.path("id").isString()
				&& !event.path("type").asString("").isEmpty();
	}

	private static Instant time(JsonNode event) {
		try {
			return event.path("time").isString() ? Instant.parse(event.path("time").asString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean isTrue(Object value) {
		return value != null && Boolean.parseBoolean(value.toString());
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
