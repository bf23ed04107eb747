package dev.keel.cli.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatTests {

	@Test
	void structuredLineBecomesOneReadableLine() {
		String line = """
				{"@timestamp":"2026-11-23T10:15:30.123Z","log":{"level":"WARN","logger":"dev.keel.data.Things"},\
				"message":"disk is slow","traceId":"abc123"}""";
		String readable = LogFormat.readable(line);
		assertThat(readable).contains("WARN").contains("Things: disk is slow").contains("[trace abc123]");
		assertThat(readable).doesNotContain("{").doesNotContain("dev.keel.data");
	}

	@Test
	void stackTracesFollowTheMessage() {
		String line = """
				{"@timestamp":"2026-11-23T10:15:30.123Z","log":{"level":"ERROR","logger":"x.Y"},"message":"boom",\
				"error":{"stack_trace":"java.lang.IllegalStateException: boom\\n\\tat x.Y.z(Y.java:1)"}}""";
		assertThat(LogFormat.readable(line))
			.contains("boom" + System.lineSeparator() + "java.lang.IllegalStateException")
			.contains("at x.Y.z");
	}

	@Test
	void plainAndBrokenLinesPassThrough() {
		assertThat(LogFormat.readable("ready kafka 9092")).isEqualTo("ready kafka 9092");
		assertThat(LogFormat.readable("{not json")).isEqualTo("{not json");
	}

}
