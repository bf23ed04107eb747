package dev.keel.support.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The platform's paging parameters: {@code limit} from 1 to {@value #MAX_LIMIT} (default
 * {@value #DEFAULT_LIMIT}; anything else is a 400, never silently cut) and an opaque
 * {@code cursor} that wraps a position of the service's choosing.
 */
public final class Paging {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	private Paging() {
	}

	/**
	 * The page size a client asked for.
	 * @param limit the {@code limit} parameter, or {@code null}
	 * @return the size
	 * @throws KeelProblemException 400 {@code invalid_limit}
	 */
	public static int limit(@Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		String text = limit.strip();
		if (text.length() <= 3 && text.chars().allMatch(Character::isDigit)) {
			int value = Integer.parseInt(text);
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		throw new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_limit",
				"limit must be a whole number from 1 to " + MAX_LIMIT + ".");
	}

	/**
	 * The position a cursor stands for.
	 * @param cursor the {@code cursor} parameter, or {@code null} for the first page
	 * @return the position, or {@code null} for the first page
	 * @throws KeelProblemException 400 {@code invalid_cursor}
	 */
	public static @Nullable String position(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalidCursor();
		}
	}

	/**
	 * The cursor of a position.
	 * @param position where the next page starts
	 * @return the opaque cursor
	 */
	public static String cursor(String position) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The answer to a cursor whose position the service cannot use.
	 * @return a 400 {@code invalid_cursor} problem
	 */
	public static KeelProblemException invalidCursor() {
		return new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor", "The cursor is not valid.");
	}

}
