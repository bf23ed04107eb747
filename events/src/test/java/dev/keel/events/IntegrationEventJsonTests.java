package dev.keel.events;

import java.util.Arrays;
import java.util.List;

import dev.keel.events.auth.UserRegistered;
import dev.keel.events.data.DocumentUpdated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationEventJsonTests {

	private final JsonMapper json = EventJson.mapper();

	@ParameterizedTest
	@MethodSource("dev.keel.events.EventFixtures#oneOfEachType")
	void roundTripsThroughJsonUsingTheClassRegisteredForItsType(IntegrationEvent event) {
		String written = this.json.writeValueAsString(event);
		Class<? extends IntegrationEvent> eventClass = EventTypes.classFor(event.type()).orElseThrow();

		assertThat(this.json.readValue(written, eventClass)).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("dev.keel.events.EventFixtures#oneOfEachType")
	void writesExactlyTheRecordComponents(IntegrationEvent event) {
		JsonNode tree = this.json.valueToTree(event);
		List<String> components = Arrays.stream(event.getClass().getRecordComponents())
			.map((component) -> component.getName())
			.toList();

		assertThat(tree.propertyNames()).containsExactlyElementsOf(components)
			.doesNotContain("type", "aggregateId", "TYPE");
	}

	@ParameterizedTest
	@MethodSource("dev.keel.events.EventFixtures#oneOfEachType")
	void writesOccurredAtAsRfc3339Utc(IntegrationEvent event) {
		JsonNode occurredAt = this.json.<JsonNode>valueToTree(event).get("occurredAt");

		assertThat(occurredAt.isString()).isTrue();
		assertThat(occurredAt.stringValue()).isEqualTo("2026-11-23T10:15:30.123Z");
	}

	@Test
	void keepsNullAndNestedValuesOfTheDocument() {
		JsonNode document = this.json.<JsonNode>valueToTree(EventFixtures.aTaskCreated()).get("document");

		assertThat(document.has("dueDate")).isTrue();
		assertThat(document.get("dueDate").isNull()).isTrue();
		assertThat(document.at("/details/estimate").doubleValue()).isEqualTo(2.5);
		assertThat(document.at("/tags/1").stringValue()).isEqualTo("kafka");
	}

	@Test
	void writesATruncatedDocumentAsNull() {
		DocumentUpdated event = EventFixtures.aTooLargeTaskUpdated();
		JsonNode tree = this.json.valueToTree(event);

		assertThat(tree.get("document").isNull()).isTrue();
		assertThat(tree.get("documentTruncated").booleanValue()).isTrue();
		assertThat(this.json.readValue(this.json.writeValueAsString(event), DocumentUpdated.class)).isEqualTo(event);
	}

	@Test
	void readsAnUpdateWithoutChangedFieldsOrDocumentAsHavingNone() {
		String written = """
				{"eventId":"evt-8","occurredAt":"2026-11-23T10:15:30.123Z","collection":"tasks",
				"documentId":"abc","owner":"u-42","actor":"u-7","version":2,"readRule":"owner",
				"documentTruncated":true}
				""";

		DocumentUpdated event = this.json.readValue(written, DocumentUpdated.class);

		assertThat(event.changedFields()).isEmpty();
		assertThat(event.document()).isNull();
		assertThat(event.aggregateId()).isEqualTo("tasks/abc");
	}

	@Test
	void readsARegistrationWrittenBeforeItHadAMethodAsHavingNone() {
		String written = """
				{"eventId":"evt-1","occurredAt":"2026-11-23T10:15:30.123Z","userId":"u-42",
				"email":"ada@example.com","displayName":"Ada"}
				""";

		assertThat(this.json.readValue(written, UserRegistered.class).method()).isNull();
	}

	@Test
	void aRegistrationThroughAProviderNamesTheProvider() {
		UserRegistered event = EventFixtures.userRegisteredViaProvider();

		JsonNode written = this.json.readTree(this.json.writeValueAsString(event));

		assertThat(written.get("method").asString()).isEqualTo("provider");
		assertThat(written.get("provider").asString()).isEqualTo("google");
		assertThat(this.json.readValue(written.toString(), UserRegistered.class)).isEqualTo(event);
	}

	@Test
	void readsARegistrationWrittenBeforeItHadAProviderAsHavingNone() {
		String written = """
				{"eventId":"evt-1","occurredAt":"2026-11-23T10:15:30.123Z","userId":"u-42",
				"email":"ada@example.com","displayName":"Ada","method":"password"}
				""";

		assertThat(this.json.readValue(written, UserRegistered.class).provider()).isNull();
	}

	@Test
	void fixturesCoverEveryRegisteredType() {
		assertThat(EventFixtures.oneOfEachType()).extracting(IntegrationEvent::type)
			.containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
	}

}
