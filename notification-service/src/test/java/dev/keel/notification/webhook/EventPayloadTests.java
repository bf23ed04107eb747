package dev.keel.notification.webhook;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.events.EventEnvelope;
import dev.keel.events.auth.OtpRequested;
import dev.keel.events.auth.PasswordResetRequested;
import dev.keel.events.data.CollectionDefined;
import dev.keel.support.outbox.CloudEventJson;

import static org.assertj.core.api.Assertions.assertThat;

class EventPayloadTests {

	private final CloudEventJson cloudEvents = new CloudEventJson();

	@Test
	void userEventsLoseTheirTokenAndKeepEverythingElse() {
		String record = this.cloudEvents.write(EventEnvelope.wrap("/keel/auth-service",
				PasswordResetRequested.of("u-1", "ada@example.test", "Ada", "secret-token", Instant.now()), null));

		String payload = EventPayload.of(record, PasswordResetRequested.TYPE);

		assertThat(payload).doesNotContain("secret-token");
		JsonNode event = JsonMapper.builder().build().readTree(payload);
		assertThat(event.path("type").asString()).isEqualTo(PasswordResetRequested.TYPE);
		assertThat(event.path("data").has("token")).isFalse();
		assertThat(event.path("data").path("email").asString()).isEqualTo("ada@example.test");
	}

	@Test
	void signInEventsLoseTheirCodeAndLinkToken() {
		String record = this.cloudEvents.write(EventEnvelope.wrap("/keel/auth-service",
				OtpRequested.of("u-1", "ada@example.test", "Ada", "042917", "secret-token", Instant.now()), null));

		String payload = EventPayload.of(record, OtpRequested.TYPE);

		assertThat(payload).doesNotContain("secret-token", "042917");
		JsonNode event = JsonMapper.builder().build().readTree(payload);
		assertThat(event.path("data").has("code")).isFalse();
		assertThat(event.path("data").has("token")).isFalse();
		assertThat(event.path("data").path("userId").asString()).isEqualTo("u-1");
	}

	@Test
	void otherEventsAreSentExactlyAsPublished() {
		String record = this.cloudEvents.write(EventEnvelope.wrap("/keel/data-service",
				CollectionDefined.of("tasks", java.util.Map.of("read", "public"), true), null));

		assertThat(EventPayload.of(record, CollectionDefined.TYPE)).isSameAs(record);
	}

}
