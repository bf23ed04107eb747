package dev.keel.bench;

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
	void otherEventsAreSkipped() {
		assertThat(read("event: closing", "data: {\"data\":{\"documentId\":\"d-9\"}}", "")).isEmpty();
	}

	private static List<String> read(String... lines) {
		SseStream.Frames frames = new SseStream.Frames();
		List<String> ids = new ArrayList<>();
		for (String line : lines) {
			String id = frames.line(line);
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

}
