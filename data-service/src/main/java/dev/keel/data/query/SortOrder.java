package dev.keel.data.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

/**
 * A query's sort order, always ending in {@code _id}: ties need a unique last key, or a
 * keyset cursor could not tell where a page ended.
 *
 * @param keys the keys, the last one on {@code _id}
 */
record SortOrder(List<SortKey> keys) {

	static final int MAX_KEYS = 8;

	static final SortOrder DEFAULT = new SortOrder(List.of(new SortKey(FieldPaths.ID, true)));

	SortOrder {
		keys = List.copyOf(keys);
	}

	/**
	 * Reads {@code a,-b}: {@code _id} ascending is added unless a key names it, and keys
	 * after {@code _id} are dropped since they can never decide anything.
	 * @throws QueryRejectedException with {@code invalid_sort}
	 */
	static SortOrder parse(String sort, FieldTypes types) {
		if (sort == null || sort.isBlank()) {
			return DEFAULT;
		}
		String[] parts = sort.split(",", -1);
		if (parts.length > MAX_KEYS) {
			throw invalid(null, "sort takes at most " + MAX_KEYS + " fields");
		}
		List<SortKey> keys = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String part : parts) {
			SortKey key = key(part.strip(), types);
			if (!seen.add(key.path())) {
				throw invalid(key.path(), "'" + key.path() + "' appears twice in sort");
			}
			keys.add(key);
			if (key.path().equals(FieldPaths.ID)) {
				return new SortOrder(keys);
			}
		}
		keys.add(new SortKey(FieldPaths.ID, true));
		return new SortOrder(keys);
	}

	private static SortKey key(String part, FieldTypes types) {
		boolean descending = part.startsWith("-");
		String path = descending ? part.substring(1) : part;
		if (!FieldPaths.isAllowed(path)) {
			throw invalid(FieldPaths.abbreviate(path), FieldPaths.describe(path));
		}
		if (FieldPaths.typeOf(types, path) == FieldType.ARRAY) {
			throw invalid(path, "'" + path + "' is an array, which has no single value to sort by");
		}
		return new SortKey(path, !descending);
	}

	Bson toBson() {
		return Sorts.orderBy(this.keys.stream().map(SortKey::toBson).toList());
	}

	/**
	 * The order as text, such as {@code status,-priority,_id}: what a cursor is bound to.
	 */
	String canonical() {
		return this.keys.stream().map(SortKey::toString).collect(Collectors.joining(","));
	}

	private static QueryRejectedException invalid(String field, String message) {
		return new QueryRejectedException(QueryRejectedException.INVALID_SORT, field, message);
	}

}
