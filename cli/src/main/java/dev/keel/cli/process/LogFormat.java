package dev.keel.cli.process;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the services' structured JSON log lines (Elastic Common Schema) into one readable
 * line for a terminal; anything else passes through unchanged. The log files keep the
 * JSON.
 */
public final class LogFormat {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
		.withZone(ZoneId.systemDefault());

	private LogFormat() {
	}

	public static String readable(String line) {
		if (!line.startsWith("{")) {
			return line;
		}
		try {
			JsonNode entry = json.readTree(line);
			StringBuilder text = new StringBuilder();
			String timestamp = entry.path("@timestamp").asString("");
			if (!timestamp.isEmpty()) {
				text.append(TIME.format(Instant.parse(timestamp))).append(' ');
			}
			text.append(String.format("%-5s ", field(entry, "log", "level")));
			text.append(shortLogger(field(entry, "log", "logger"))).append(": ");
			text.append(entry.path("message").asString(""));
			String traceId = entry.path("traceId").asString("");
			if (!traceId.isEmpty()) {
				text.append("  [trace ").append(traceId).append(']');
			}
			String stack = field(entry, "error", "stack_trace");
			if (!stack.isEmpty()) {
				text.append(System.lineSeparator()).append(stack.stripTrailing());
			}
			return text.toString();
		}
		catch (JacksonException | java.time.DateTimeException ex) {
			return line;
		}
	}

	/**
	 * ECS fields, nested as Boot writes them ({@code log.level} as
	 * {@code {"log":{"level":..}}}) or dotted.
	 */
	private static String field(JsonNode entry, String object, String name) {
		String nested = entry.path(object).path(name).asString("");
		return nested.isEmpty() ? entry.path(object + "." + name).asString("") : nested;
	}

	static String shortLogger(String logger) {
		int dot = logger.lastIndexOf('.');
		return (dot >= 0) ? logger.substring(dot + 1) : logger;
	}

}
