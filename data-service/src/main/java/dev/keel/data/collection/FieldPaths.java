package dev.keel.data.collection;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which field paths clients may name in indexes, filters, sorts and projections: dotted
 * paths of plain user field names, and the system fields they may search by. Nothing else
 * reaches the database as a field name, so no {@code $} operator and no outbox field can
 * be addressed.
 */
public final class FieldPaths {

	/** System fields that may be searched and sorted by. */
	public static final Set<String> SYSTEM = Set.of("_id", "_owner", "_version", "_createdAt", "_updatedAt");

	public static final int MAX_SEGMENTS = 8;

	public static final int MAX_LENGTH = 256;

	private static final Pattern USER_PATH = Pattern
		.compile("[A-Za-z0-9-][A-Za-z0-9_-]*(\\.[A-Za-z0-9-][A-Za-z0-9_-]*){0," + (MAX_SEGMENTS - 1) + "}");

	private FieldPaths() {
	}

	/**
	 * Whether the path names a user field or a searchable system field.
	 * @param path the dotted path
	 * @return whether it is allowed
	 */
	public static boolean isAllowed(String path) {
		return path != null && path.length() <= MAX_LENGTH && (SYSTEM.contains(path) || isUserPath(path));
	}

	/**
	 * Whether the path names a user field (at any depth).
	 * @param path the dotted path
	 * @return whether it does
	 */
	public static boolean isUserPath(String path) {
		return path != null && path.length() <= MAX_LENGTH && USER_PATH.matcher(path).matches();
	}

}
