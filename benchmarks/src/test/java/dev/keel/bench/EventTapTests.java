package dev.keel.bench;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.keel.bench.EventTap.Published;

import static org.assertj.core.api.Assertions.assertThat;

class EventTapTests {

	private static final Instant SENT = Instant.parse("2026-12-07T20:00:00.020Z");

	private static final Instant READ = Instant.parse("2026-12-07T20:00:00.023Z");

	@Test
	void notesACreatedDocumentOfTheCollectionWithItsTimestamps() {
		String event = """
				{"specversion":"1.0","id":"e-1","source":"/keel/data-service","type":"keel.document.created",
				"time":"2026-12-07T20:00:00.012Z","subject":"bench_events/d-1",
				"data":{"collection":"bench_events","documentId":"d-1"}}""";

		assertThat(EventTap.published(event, "bench_events", SENT, READ))
			.isEqualTo(new Published("d-1", Instant.parse("2026-12-07T20:00:00.012Z"), SENT, READ));
	}

	@Test
	void skipsOtherCollectionsOtherTypesAndWhatIsNotAnEvent() {
		String otherCollection = """
				{"type":"keel.document.created","time":"2026-12-07T20:00:00Z",
				"data":{"collection":"tasks","documentId":"d-1"}}""";
		String update = """
				{"type":"keel.document.updated","time":"2026-12-07T20:00:00Z",
				"data":{"collection":"bench_events","documentId":"d-1"}}""";

		assertThat(EventTap.published(otherCollection, "bench_events", SENT, READ)).isNull();
		assertThat(EventTap.published(update, "bench_events", SENT, READ)).isNull();
		assertThat(EventTap.published("not json", "bench_events", SENT, READ)).isNull();
		assertThat(EventTap.published(null, "bench_events", SENT, READ)).isNull();
		assertThat(EventTap.published(
				"{\"type\":\"keel.document.created\",\"time\":\"yesterday\","
						+ "\"data\":{\"collection\":\"bench_events\",\"documentId\":\"d-1\"}}",
				"bench_events", SENT, READ))
			.isNull();
	}

}
