package dev.keel.notification.stream;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseFramesTests {

	@Test
	void aNotificationIsAnEventWithItsIdAndJson() {
		assertThat(SseFrames.notification("ntf_1", "{\"id\":\"ntf_1\"}"))
			.isEqualTo("event: notification\nid: ntf_1\ndata: {\"id\":\"ntf_1\"}\n\n");
	}

	@Test
	void dataOnSeveralLinesStaysOneEvent() {
		assertThat(SseFrames.notification("ntf_1", "{\n\"id\": 1\r\n}"))
			.isEqualTo("event: notification\nid: ntf_1\ndata: {\ndata: \"id\": 1\ndata: }\n\n");
	}

	@Test
	void theOpeningFrameIsACommentWithTheReconnectDelay() {
		assertThat(SseFrames.opened(Duration.ofSeconds(3))).isEqualTo(": connected\nretry: 3000\n\n");
		assertThat(SseFrames.heartbeat()).isEqualTo(": heartbeat\n\n");
	}

}
