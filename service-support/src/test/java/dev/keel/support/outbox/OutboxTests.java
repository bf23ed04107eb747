package dev.keel.support.outbox;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Update;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentDeleted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final EventEnvelope<DocumentDeleted> deleted = EventEnvelope.wrap("/keel/data-service", new DocumentDeleted(
			"evt-1", Instant.parse("2026-11-23T10:15:30.123Z"), "tasks", "abc", "u-1", "u-1", 3, "owner"), TRACEPARENT);

	@Test
	void entryIsTheEnvelopeUnderItsIdKeyedByItsAggregate() {
		OutboxEntry entry = Outbox.entry("keel.data.events", this.deleted);

		assertThat(entry.id()).isEqualTo("evt-1");
		assertThat(entry.topic()).isEqualTo("keel.data.events");
		assertThat(entry.key()).isEqualTo("tasks/abc");
		assertThat(entry.traceparent()).isEqualTo(TRACEPARENT);
		assertThat(new CloudEventJson().read(entry.payload())).contains(this.deleted);
	}

	@Test
	void entrySurvivesTheStoredForm() {
		OutboxEntry entry = Outbox.entry("keel.data.events", this.deleted);

		assertThat(OutboxEntry.fromDocument(entry.toDocument())).isEqualTo(entry);
		assertThat(entry.toDocument()).containsKey("id").doesNotContainKey("_id");
	}

	@Test
	void attachRefusesADocumentThatAlreadyHasAnOutbox() {
		Document read = new Document("_id", "abc").append(Outbox.ENTRIES, List.of());

		assertThatIllegalArgumentException().isThrownBy(() -> Outbox.attach(read, Outbox.entry("t", this.deleted)));
	}

	@Test
	void deleteWhenDrainedMarksTheDocumentAndAddsTheEvent() {
		Document update = Outbox.deleteWhenDrained(new Update(), Outbox.entry("t", this.deleted)).getUpdateObject();

		assertThat(update.get("$set", Document.class)).containsEntry(Outbox.DELETE_WHEN_DRAINED, true);
		assertThat(update.get("$push", Document.class)).containsKey(Outbox.ENTRIES);
	}

	@Test
	void entryNeedsATopic() {
		assertThatIllegalArgumentException().isThrownBy(() -> Outbox.entry(" ", this.deleted));
	}

}
