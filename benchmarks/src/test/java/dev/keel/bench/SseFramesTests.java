package dev.keel.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseFramesTests {

	@Test
	void aNotificationFrameGivesTheDocumentItIsAbout() {
		List<String> ids = read(": connected", "", "id: n-1", "event: notification",
				"data: {\"id\":\"n-1\",\"data\":{\"collection\":\"bench_events\",\"documentId\":\"d-1\"}}", "",
				": heartbeat", "", "event: notification", "data: {\"id\":\"n-2\",",
				"data: \"data\":{\"documentId\":\"d-2\"}}", "");
		assertThat(ids).containsExactly("d-1", "d-2");
	}

	@Test
	void aNotificationFrameGivesWhenItsInboxItemWasCreated() {
		SseStream.Frames frames = new SseStream.Frames();
		frames.line("event: notification");
		frames.line("data: {\"id\":\"n-1\",\"data\":{\"documentId\":\"d-1\"},"
				+ "\"createdAt\":\"2026-12-07T20:00:00.123Z\"}");
		assertThat(frames.line("")).isEqualTo(new SseStream.Notice("d-1", Instant.parse("2026-12-07T20:00:00.123Z")));
	}

	@Test
	void otherEventsAreSkipped() {
		assertThat(read("event: closing", "data: {\"data\":{\"documentId\":\"d-9\"}}", "")).isEmpty();
	}

	private static List<String> read(String... lines) {
		SseStream.Frames frames = new SseStream.Frames();
		List<String> ids = new ArrayList<>();
		for (String line : lines) {
			SseStream.Notice notice = frames.line(line);
			if (notice != null) {
				ids.add(notice.documentId());
			}
		}
		return ids;
	}

}
