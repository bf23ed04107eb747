package dev.keel.data.query;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the text of a filter value into the literals it matches. Values never become
 * operators: they end up as strings, numbers, booleans or dates, so {@code {"$ne":null}}
 * is just a string.
 */
final class FilterValues {

	private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	private FilterValues() {
	}

	/**
	 * The literals a value matches at a field of a type. A field of unknown type may hold
	 * anything, so a value that reads as a number or boolean matches that or the string.
	 */
	static List<Object> literals(String field, FieldType type, String text) {
		return switch (type) {
			case STRING -> List.of(text);
			case NUMBER -> List.of(require(field, number(text), text, "a number"));
			case INTEGER -> List.of(require(field, integer(text), text, "a whole number"));
			case BOOLEAN -> List.of(require(field, bool(text), text, "true or false"));
			case DATE_TIME -> List.of(require(field, dateTime(text), text, "an RFC 3339 timestamp"));
			case OBJECT -> throw QueryRejectedException.invalidFilter(field,
					"'" + field + "' holds objects, which a filter can only test with =exists=");
			case ARRAY, UNKNOWN -> untyped(text);
		};
	}

	static boolean isWildcard(String text) {
		return text.startsWith("*") || text.endsWith("*");
	}

	/**
	 * A regular expression for a wildcard value: a {@code *} at the start or end matches
	 * anything, everything else matches literally (quoted, so {@code .} or {@code (} are
	 * plain characters). NUL cannot travel in a BSON regex, so it is written as an
	 * escape.
	 */
	static String wildcardPattern(String text) {
		int start = text.startsWith("*") ? 1 : 0;
		int end = (text.length() > start && text.endsWith("*")) ? text.length() - 1 : text.length();
		String literal = Arrays.stream(text.substring(start, end).split("\0", -1))
			.map(Pattern::quote)
			.collect(Collectors.joining("\\x00"));
		return ((start == 0) ? "^" : "") + literal + ((end == text.length()) ? "\\z" : "");
	}

	private static List<Object> untyped(String text) {
		Object typed = number(text);
		if (typed == null) {
			typed = bool(text);
		}
		return (typed != null) ? List.of(typed, text) : List.of(text);
	}

	/** A JSON number as a Long when it is whole and fits, else a finite Double. */
	static Number number(String text) {
		if (!JSON_NUMBER.matcher(text).matches()) {
			return null;
		}
		try {
			BigDecimal decimal = new BigDecimal(text);
			if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
				try {
					return decimal.longValueExact();
				}
				catch (ArithmeticException tooLarge) {
					// falls back to a double below
				}
			}
			double value = decimal.doubleValue();
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	private static Number integer(String text) {
		Number number = number(text);
		return (number instanceof Long || (number instanceof Double d && d == Math.rint(d))) ? number : null;
	}

	private static Boolean bool(String text) {
		return switch (text) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static Date dateTime(String text) {
		try {
			return Date.from(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
		}
		catch (DateTimeException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static Object require(String field, Object value, String text, String expected) {
		if (value == null) {
			throw QueryRejectedException.invalidFilter(field,
					"'" + FieldPaths.abbreviate(text) + "' is not " + expected + ", as '" + field + "' requires");
		}
		return value;
	}

}
