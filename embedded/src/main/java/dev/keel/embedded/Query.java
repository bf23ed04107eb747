package dev.keel.embedded;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The few query-string needs of the mail sink's API, which the JDK's HTTP server leaves
 * to the handler.
 */
final class Query {

	private Query() {
	}

	static Map<String, String> parse(String rawQuery) {
		Map<String, String> values = new HashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return values;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

	/**
	 * A non-negative integer parameter; absent, malformed or negative values give the
	 * default, as Mailpit is lenient there too.
	 */
	static int intValue(Map<String, String> values, String name, int defaultValue) {
		try {
			int value = Integer.parseInt(values.getOrDefault(name, ""));
			return (value >= 0) ? value : defaultValue;
		}
		catch (NumberFormatException ex) {
			return defaultValue;
		}
	}

}
