package dev.keel.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import dev.keel.events.auth.UserRegistered;
import dev.keel.events.data.DocumentCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EventEnvelopeTests {

	private static final String SOURCE = "/keel/data-service";

	private final JsonMapper json = EventJson.mapper();

	@Test
	void wrapTakesIdTimeTypeAndSubjectFromTheEvent() {
		DocumentCreated event = EventFixtures.aTaskCreated();

		EventEnvelope<DocumentCreated> envelope = EventEnvelope.wrap(SOURCE, event, EventFixtures.TRACEPARENT);

		assertThat(envelope.specversion()).isEqualTo("1.0");
		assertThat(envelope.id()).isEqualTo("evt-7");
		assertThat(envelope.source()).isEqualTo(SOURCE);
		assertThat(envelope.type()).isEqualTo("keel.document.created");
		assertThat(envelope.time()).isEqualTo(EventFixtures.OCCURRED_AT);
		assertThat(envelope.subject()).isEqualTo("tasks/abc");
		assertThat(envelope.datacontenttype()).isEqualTo("application/json");
		assertThat(envelope.traceparent()).isEqualTo(EventFixtures.TRACEPARENT);
		assertThat(envelope.data()).isSameAs(event);
	}

	@Test
	void writesTheCloudEventsAttributeNamesBesideData() {
		JsonNode tree = this.json
			.valueToTree(EventEnvelope.wrap(SOURCE, EventFixtures.aTaskCreated(), EventFixtures.TRACEPARENT));

		assertThat(tree.propertyNames()).containsExactlyInAnyOrder("specversion", "id", "source", "type", "time",
				"subject", "datacontenttype", "traceparent", "data");
		assertThat(tree.get("data").get("collection").stringValue()).isEqualTo("tasks");
	}

	@Test
	void leavesOutTheTraceparentButNotNullsInsideData() {
		JsonNode tree = this.json.valueToTree(EventEnvelope.wrap(SOURCE, EventFixtures.aTooLargeTaskUpdated(), null));

		assertThat(tree.has("traceparent")).isFalse();
		assertThat(tree.get("data").has("document")).isTrue();
		assertThat(tree.get("data").get("document").isNull()).isTrue();
	}

	@Test
	void writesTimeAsRfc3339() {
		JsonNode time = this.json
			.<JsonNode>valueToTree(EventEnvelope.wrap(SOURCE, EventFixtures.userRegistered(), null))
			.get("time");

		assertThat(time.stringValue()).isEqualTo("2026-11-23T10:15:30.123Z");
		assertThat(OffsetDateTime.parse(time.stringValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())
			.isEqualTo(EventFixtures.OCCURRED_AT);
	}

	@ParameterizedTest
	@MethodSource("dev.keel.events.EventFixtures#oneOfEachType")
	void roundTripsByReadingTheTypeBeforeTheData(IntegrationEvent event) {
		EventEnvelope<IntegrationEvent> envelope = EventEnvelope.wrap(SOURCE, event, EventFixtures.TRACEPARENT);
		String written = this.json.writeValueAsString(envelope);

		String type = this.json.readTree(written).get("type").stringValue();
		JavaType envelopeType = this.json.getTypeFactory()
			.constructParametricType(EventEnvelope.class, EventTypes.classFor(type).orElseThrow());
		EventEnvelope<?> read = this.json.readValue(written, envelopeType);

		assertThat(read).isEqualTo(envelope);
		assertThat(read.data()).isInstanceOf(event.getClass());
	}

	@Test
	void roundTripsWithoutATraceparent() {
		EventEnvelope<UserRegistered> envelope = EventEnvelope.wrap(SOURCE, EventFixtures.userRegistered(), null);
		JavaType envelopeType = this.json.getTypeFactory()
			.constructParametricType(EventEnvelope.class, UserRegistered.class);

		EventEnvelope<?> read = this.json.readValue(this.json.writeValueAsString(envelope), envelopeType);

		assertThat(read.traceparent()).isNull();
		assertThat(read).isEqualTo(envelope);
	}

	@Test
	void refusesAnEnvelopeWithoutSource() {
		assertThatNullPointerException()
			.isThrownBy(() -> EventEnvelope.wrap(null, EventFixtures.userRegistered(), null))
			.withMessage("source");
	}

}
