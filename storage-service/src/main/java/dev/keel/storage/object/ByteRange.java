package dev.keel.storage.object;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a download, from a {@code Range} header (RFC 9110):
 * {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. Several ranges, or a header
 * that is not a byte range, mean the whole content (which RFC 9110 allows).
 *
 * @param offset the first byte
 * @param length how many bytes
 */
record ByteRange(long offset, long length) {

	private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

	/**
	 * The range a header asks for.
	 * @param header the {@code Range} header, or {@code null}
	 * @param size the content's size
	 * @return the range, or empty for the whole content
	 * @throws Unsatisfiable when the range lies past the end
	 */
	static Optional<ByteRange> parse(String header, long size) {
		Matcher matcher = (header != null) ? SINGLE.matcher(header.strip()) : null;
		if (matcher == null || !matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
			return Optional.empty();
		}
		try {
			if (matcher.group(1).isEmpty()) {
				long suffix = Long.parseLong(matcher.group(2));
				if (suffix == 0) {
					throw new Unsatisfiable();
				}
				long length = Math.min(suffix, size);
				return Optional.of(new ByteRange(size - length, length));
			}
			long first = Long.parseLong(matcher.group(1));
			long last = matcher.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
			if (last < first) {
				return Optional.empty();
			}
			if (first >= size) {
				throw new Unsatisfiable();
			}
			return Optional.of(new ByteRange(first, Math.min(last, size - 1) - first + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	long last() {
		return this.offset + this.length - 1;
	}

	/** The range starts past the end of the content (416). */
	static final class Unsatisfiable extends RuntimeException {

		Unsatisfiable() {
			super("The range lies outside the content.", null, false, false);
		}

	}

}
