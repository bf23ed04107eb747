package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentUpdated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final Outbox outbox = new Outbox("/keel/test-service", idleRelay(),
			new StaticListableBeanFactory().getBeanProvider(Tracer.class));

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

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.outbox.attach("tasks", read, Outbox.entry("t", this.deleted)));
	}

	@Test
	void deleteWhenDrainedMarksTheDocumentAndAddsTheEvent() {
		Document update = this.outbox.deleteWhenDrained("tasks", new Update(), "t", this.deleted.data())
			.getUpdateObject();

		assertThat(update.get("$set", Document.class)).containsEntry(Outbox.DELETE_WHEN_DRAINED, true);
		assertThat(update.get("$push", Document.class)).containsKey(Outbox.ENTRIES);
	}

	@Test
	void attachWrapsEventsInThisServicesEnvelopeInTheirOrder() {
		DocumentCreated created = DocumentCreated.of("tasks", "abc", "u-1", "u-1", 1, "owner", List.of(), null, false);
		DocumentUpdated updated = DocumentUpdated.of("tasks", "abc", "u-1", "u-1", 2, "owner", List.of("x"), null,
				true);

		Document document = this.outbox.attach("tasks", new Document("_id", "abc"), "keel.data.events", created,
				updated);

		List<OutboxEntry> entries = document.getList(Outbox.ENTRIES, Document.class)
			.stream()
			.map(OutboxEntry::fromDocument)
			.toList();
		assertThat(entries).extracting(OutboxEntry::id).containsExactly(created.eventId(), updated.eventId());
		assertThat(entries).extracting(OutboxEntry::topic).containsOnly("keel.data.events");
		assertThat(entries).extracting(OutboxEntry::key).containsOnly("tasks/abc");
		assertThat(new CloudEventJson().read(entries.get(0).payload()))
			.contains(EventEnvelope.wrap("/keel/test-service", created, null));
	}

	@Test
	void pushAddsEventsAfterThoseStillPending() {
		DocumentUpdated updated = DocumentUpdated.of("tasks", "abc", "u-1", "u-1", 2, "owner", List.of("x"), null,
				true);

		Document update = this.outbox.push("tasks", new Update().set("x", 1), "keel.data.events", updated)
			.getUpdateObject();

		assertThat(update.get("$set", Document.class)).containsEntry("x", 1);
		Update.Modifiers pushed = (Update.Modifiers) update.get("$push", Document.class).get(Outbox.ENTRIES);
		assertThat(pushed.getModifiers()).singleElement().satisfies((each) -> {
			assertThat(each.getKey()).isEqualTo("$each");
			assertThat((Object[]) each.getValue()).singleElement()
				.satisfies((entry) -> assertThat(((Document) entry).getString("id")).isEqualTo(updated.eventId()));
		});
	}

	@Test
	void entryNeedsATopic() {
		assertThatIllegalArgumentException().isThrownBy(() -> Outbox.entry(" ", this.deleted));
	}

	/** A relay that is disabled, so registering collections starts nothing. */
	private static OutboxRelay idleRelay() {
		OutboxProperties disabled = new OutboxProperties(false, List.of(), null, Duration.ofMillis(500), 100,
				Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(5),
				Duration.ofMinutes(1));
		return new OutboxRelay(null,
				new OutboxPublisher(new DefaultKafkaProducerFactory<>(Map.of()), disabled.sendTimeout()),
				new OutboxMetrics(new SimpleMeterRegistry()), disabled);
	}

}
