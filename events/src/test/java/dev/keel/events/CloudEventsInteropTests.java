package dev.keel.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import dev.keel.events.auth.UserRegistered;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.core.provider.ExtensionProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks our envelope against the reference CloudEvents SDK, in both directions, so that
 * consumers and webhook receivers using any CloudEvents library can read Keel's events.
 */
class CloudEventsInteropTests {

	private static final String SOURCE = "/keel/auth-service";

	private final JsonMapper json = EventJson.mapper();

	private final EventFormat format = EventFormatProvider.getInstance()
		.resolveFormat(EventEnvelope.STRUCTURED_CONTENT_TYPE);

	@Test
	void structuredContentTypeIsTheOneTheSdkRegistersForJson() {
		assertThat(EventEnvelope.STRUCTURED_CONTENT_TYPE).isEqualTo(JsonFormat.CONTENT_TYPE);
		assertThat(this.format).isInstanceOf(JsonFormat.class);
	}

	@ParameterizedTest
	@MethodSource("dev.keel.events.EventFixtures#oneOfEachType")
	void sdkReadsTheAttributesOfOurEnvelope(IntegrationEvent event) {
		byte[] written = this.json.writeValueAsBytes(EventEnvelope.wrap(SOURCE, event, EventFixtures.TRACEPARENT));

		CloudEvent read = this.format.deserialize(written);

		assertThat(read.getSpecVersion()).isEqualTo(SpecVersion.V1);
		assertThat(read.getId()).isEqualTo(event.eventId());
		assertThat(read.getType()).isEqualTo(event.type());
		assertThat(read.getSource()).isEqualTo(URI.create(SOURCE));
		assertThat(read.getSubject()).isEqualTo(event.aggregateId());
		assertThat(read.getTime().toInstant()).isEqualTo(event.occurredAt());
		assertThat(read.getDataContentType()).isEqualTo("application/json");
	}

	@Test
	void sdkReadsTheTraceparentAsTheDistributedTracingExtension() {
		byte[] written = this.json
			.writeValueAsBytes(EventEnvelope.wrap(SOURCE, EventFixtures.userRegistered(), EventFixtures.TRACEPARENT));

		CloudEvent read = this.format.deserialize(written);

		assertThat(read.getExtension("traceparent")).isEqualTo(EventFixtures.TRACEPARENT);
		assertThat(ExtensionProvider.getInstance().parseExtension(DistributedTracingExtension.class, read))
			.extracting(DistributedTracingExtension::getTraceparent)
			.isEqualTo(EventFixtures.TRACEPARENT);
	}

	@Test
	void sdkSeesNoTraceparentWhenThereWasNoTrace() {
		byte[] written = this.json.writeValueAsBytes(EventEnvelope.wrap(SOURCE, EventFixtures.userRegistered(), null));

		CloudEvent read = this.format.deserialize(written);

		assertThat(read.getExtensionNames()).doesNotContain("traceparent");
		assertThat(read.getExtension("traceparent")).isNull();
	}

	@ParameterizedTest
	@MethodSource("dev.keel.events.EventFixtures#oneOfEachType")
	void sdkDataIsOurDataJson(IntegrationEvent event) {
		byte[] written = this.json.writeValueAsBytes(EventEnvelope.wrap(SOURCE, event, null));

		CloudEvent read = this.format.deserialize(written);

		assertThat(this.json.readTree(read.getData().toBytes())).isEqualTo(this.json.readTree(written).get("data"));
		assertThat(this.json.readValue(read.getData().toBytes(), event.getClass())).isEqualTo(event);
	}

	@Test
	void envelopeWrittenByTheSdkReadsAsOurs() {
		UserRegistered event = EventFixtures.userRegistered();
		CloudEvent written = CloudEventBuilder.v1()
			.withId(event.eventId())
			.withSource(URI.create(SOURCE))
			.withType(UserRegistered.TYPE)
			.withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
			.withSubject(event.aggregateId())
			.withDataContentType("application/json")
			.withExtension("traceparent", EventFixtures.TRACEPARENT)
			.withData(this.json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
			.build();
		JavaType envelopeType = this.json.getTypeFactory()
			.constructParametricType(EventEnvelope.class, UserRegistered.class);

		EventEnvelope<?> read = this.json.readValue(this.format.serialize(written), envelopeType);

		assertThat(read).isEqualTo(EventEnvelope.wrap(SOURCE, event, EventFixtures.TRACEPARENT));
	}

}
