package dev.keel.notification.email;

import java.util.regex.Pattern;

/**
 * Makes a value that someone else chose (a display name, a collection or field name, a
 * notification's text) fit to stand in an email's body: control characters (line breaks
 * included), invisible direction marks and line separators become spaces, runs of spaces
 * one, and it is cut to a length. It never goes into a header; the HTML part escapes it
 * as well.
 */
final class EmailText {

	/**
	 * C0 and C1 controls, line and paragraph separators, direction marks and overrides.
	 */
	private static final Pattern UNSAFE = Pattern
		.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

	private static final Pattern SPACES = Pattern.compile("\\s{2,}");

	private EmailText() {
	}

	/**
	 * @param value the value, or {@code null}
	 * @param max the most characters to keep; a longer value is cut and ends in an
	 * ellipsis
	 * @return the value on one line, or an empty string
	 */
	static String oneLine(String value, int max) {
		if (value == null) {
			return "";
		}
		String line = SPACES.matcher(UNSAFE.matcher(value).replaceAll(" ")).replaceAll(" ").strip();
		if (line.length() <= max) {
			return line;
		}
		int end = Character.isHighSurrogate(line.charAt(max - 2)) ? max - 2 : max - 1;
		return line.substring(0, end) + "…";
	}

}
