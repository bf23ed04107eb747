package dev.keel.bench;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration the way people type it on a command line: {@code 15s}, {@code 500ms},
 * {@code 2m}, a bare number of seconds, or ISO-8601 ({@code PT15S}).
 */
public final class FlexibleDuration implements ITypeConverter<Duration> {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

	@Override
	public Duration convert(String value) {
		return parse(value);
	}

	static Duration parse(String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		Matcher simple = SIMPLE.matcher(text);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			String unit = (simple.group(2) != null) ? simple.group(2) : "s";
			return switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofSeconds(amount);
			};
		}
		try {
			return Duration.parse(text.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 15s, 500ms or 2m");
		}
	}

}
