package dev.keel.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTests {

	@Test
	void defaultsAreTheTopicsOfTheApiContract() {
		assertThat(Topics.AUTH_EVENTS).isEqualTo("keel.auth.events");
		assertThat(Topics.DATA_EVENTS).isEqualTo("keel.data.events");
		assertThat(Topics.STORAGE_EVENTS).isEqualTo("keel.storage.events");
	}

	@Test
	void deadLetterTopicAppendsTheSuffix() {
		assertThat(Topics.deadLetter(Topics.DATA_EVENTS)).isEqualTo("keel.data.events.dlt");
		assertThat(Topics.deadLetter("staging.keel.auth.events")).isEqualTo("staging.keel.auth.events.dlt");
	}

}
