package dev.keel.data.query;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The allow-list of field paths a query may name. It is what keeps MongoDB operators
 * ({@code $where}, {@code a.$b}) and the outbox's internal fields out of filters, sorts
 * and projections: anything not on it is rejected, never escaped.
 */
final class FieldPaths {

	static final String ID = "_id";

	static final int MAX_LENGTH = 256;

	static final int MAX_SEGMENTS = 8;

	/** The system fields every document has, with the type their values have. */
	private static final Map<String, FieldType> SYSTEM = Map.of(ID, FieldType.STRING, "_owner", FieldType.STRING,
			"_version", FieldType.INTEGER, "_createdAt", FieldType.DATE_TIME, "_updatedAt", FieldType.DATE_TIME);

	/**
	 * A user field name; documents cannot hold names starting with {@code _} or
	 * {@code $}.
	 */
	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9-][A-Za-z0-9_-]*");

	private FieldPaths() {
	}

	static boolean isAllowed(String path) {
		return isSystem(path) || isUserField(path);
	}

	static boolean isSystem(String path) {
		return SYSTEM.containsKey(path);
	}

	static Iterable<String> systemFields() {
		return SYSTEM.keySet();
	}

	static boolean isUserField(String path) {
		if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
			return false;
		}
		String[] segments = path.split("\\.", -1);
		if (segments.length > MAX_SEGMENTS) {
			return false;
		}
		for (String segment : segments) {
			if (!SEGMENT.matcher(segment).matches()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The type at a path, with the system fields' types fixed whatever the given types
	 * say.
	 */
	static FieldType typeOf(FieldTypes types, String path) {
		FieldType system = SYSTEM.get(path);
		return (system != null) ? system : types.typeOf(path);
	}

	static String describe(String path) {
		return "'" + abbreviate(path) + "' is not a field a query can use: use a system field (_id, _owner, _version,"
				+ " _createdAt, _updatedAt) or a path of at most " + MAX_SEGMENTS + " dot-separated names made of"
				+ " letters, digits, '_' and '-', not starting with '_'";
	}

	static String abbreviate(String text) {
		return (text.length() <= 64) ? text : text.substring(0, 64) + "...";
	}

}
