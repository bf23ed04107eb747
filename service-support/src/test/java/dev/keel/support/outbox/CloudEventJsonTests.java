package dev.keel.support.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.events.EventEnvelope;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.data.DocumentUpdated;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventJsonTests {

	private static final Instant OCCURRED_AT = Instant.parse("2026-11-23T10:15:30.123Z");

	private final CloudEventJson json = new CloudEventJson();

	private final JsonMapper plain = JsonMapper.builder().build();

	@Test
	void writesTheTimeAsAnRfc3339String() {
		JsonNode written = this.plain.readTree(this.json.write(registered("t")));

		assertThat(written.path("time").asString()).isEqualTo("2026-11-23T10:15:30.123Z");
		assertThat(written.path("data").path("occurredAt").asString()).isEqualTo("2026-11-23T10:15:30.123Z");
	}

	@Test
	void leavesOutAnUnsetTraceparentButKeepsNullsInsideData() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("dueDate", null);
		DocumentUpdated updated = new DocumentUpdated("evt-2", OCCURRED_AT, "tasks", "abc", "u-1", "u-1", 2, "owner",
				List.of("dueDate"), document, false);

		JsonNode written = this.plain
			.readTree(this.json.write(EventEnvelope.wrap("/keel/data-service", updated, null)));

		assertThat(written.has("traceparent")).isFalse();
		assertThat(written.path("data").path("document").has("dueDate")).isTrue();
	}

	@Test
	void readsAnEnvelopeBackAsTheEventOfItsType() {
		EventEnvelope<UserRegistered> envelope = registered("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

		assertThat(this.json.read(this.json.write(envelope))).contains(envelope);
		assertThat(this.json.read(this.json.write(envelope), UserRegistered.class)).isEqualTo(envelope);
	}

	@Test
	void skipsATypeFromANewerProducer() {
		String future = this.json.write(registered(null)).replace(UserRegistered.TYPE, "keel.user.teleported");

		assertThat(this.json.read(future)).isEmpty();
	}

	@Test
	void toleratesFieldsAddedByANewerProducer() {
		EventEnvelope<UserRegistered> envelope = registered(null);
		String newer = this.json.write(envelope).replace("\"data\":{", "\"data\":{\"nickname\":\"ada\",");

		assertThat(this.json.read(newer)).contains(envelope);
	}

	private static EventEnvelope<UserRegistered> registered(String traceparent) {
		return EventEnvelope.wrap("/keel/auth-service",
				new UserRegistered("evt-1", OCCURRED_AT, "u-1", "ada@example.com", "Ada"), traceparent);
	}

}
