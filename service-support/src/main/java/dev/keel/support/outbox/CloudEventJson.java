package dev.keel.support.outbox;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.events.EventEnvelope;
import dev.keel.events.EventTypes;
import dev.keel.events.IntegrationEvent;

/**
 * Writes and reads Keel's events as CloudEvents 1.0 structured JSON, in one place so that
 * every producer writes the same bytes and every consumer reads them the same way.
 * <p>
 * It uses its own mapper rather than the application's: the wire format must not change
 * with a service's web settings (such as failing on unknown properties, which would break
 * consumers as soon as a producer adds a field). Envelope attributes that are
 * {@code null} are left out, because the CloudEvents SDK reads
 * {@code "traceparent": null} as the string {@code "null"}; {@code null} values inside
 * {@code data} are kept. Times are ISO-8601 strings.
 */
public final class CloudEventJson {

	private final JsonMapper mapper = JsonMapper.builder()
		.withConfigOverride(EventEnvelope.class,
				(envelope) -> envelope
					.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS)))
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * The structured form of an envelope.
	 * @param envelope the envelope
	 * @return its JSON
	 */
	public String write(EventEnvelope<?> envelope) {
		return this.mapper.writeValueAsString(envelope);
	}

	/**
	 * Reads an envelope whose {@code data} type is chosen by its {@code type} attribute,
	 * as looked up in {@link EventTypes}.
	 * @param json the structured JSON
	 * @return the envelope, or empty if its type is unknown (from a newer producer), so
	 * that a consumer can skip it
	 * @throws tools.jackson.core.JacksonException if the JSON is malformed
	 */
	public Optional<EventEnvelope<?>> read(String json) {
		JsonNode tree = this.mapper.readTree(json);
		return EventTypes.classFor(tree.path("type").asString(""))
			.map((dataType) -> this.mapper.treeToValue(tree, envelopeOf(dataType)));
	}

	/**
	 * Reads an envelope whose {@code data} type the caller knows.
	 * @param <T> the type of the event
	 * @param json the structured JSON
	 * @param dataType the record class of {@code data}
	 * @return the envelope
	 * @throws tools.jackson.core.JacksonException if the JSON is malformed or does not
	 * fit
	 */
	public <T extends IntegrationEvent> EventEnvelope<T> read(String json, Class<T> dataType) {
		return this.mapper.readValue(json, envelopeOf(dataType));
	}

	private JavaType envelopeOf(Class<? extends IntegrationEvent> dataType) {
		return this.mapper.getTypeFactory().constructParametricType(EventEnvelope.class, dataType);
	}

}
