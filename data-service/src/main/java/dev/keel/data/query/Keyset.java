package dev.keel.data.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The condition "sorts after the last item of the previous page", written from the last
 * item's sort values: for keys {@code k1..kn} it is {@code k1 beyond v1, or k1 same as v1
 * and k2 beyond v2, ...}. Documents inserted or deleted between pages do not move it, so
 * every document that exists throughout is returned exactly once.
 * <p>
 * "Beyond" follows MongoDB's sort order across types (see {@link SortTypeClass}): a
 * comparison for the value's own type, plus a {@code $type} test for the types sorting
 * after it (or before it, and null or missing, when descending). Real MongoDB brackets
 * comparisons by type; mongo-java-server does too, and without it the extra {@code $type}
 * terms would only repeat what the comparison matched, so the condition is right on both.
 * Values are compared with {@code $eq}/{@code $gt}/{@code $lt}, so an object value from a
 * cursor is a literal even if its keys start with {@code $}.
 */
final class Keyset {

	private Keyset() {
	}

	static Bson after(List<SortKey> keys, List<Object> values) {
		List<Bson> branches = new ArrayList<>();
		List<Bson> sameSoFar = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			SortKey key = keys.get(i);
			Object value = values.get(i);
			Bson beyond = key.ascending() ? greater(key.path(), value) : smaller(key.path(), value);
			if (beyond != null) {
				List<Bson> branch = new ArrayList<>(sameSoFar);
				branch.add(beyond);
				branches.add((branch.size() == 1) ? beyond : Filters.and(branch));
			}
			sameSoFar.add(same(key.path(), value));
		}
		return (branches.size() == 1) ? branches.get(0) : Filters.or(branches);
	}

	private static Bson same(String path, Object value) {
		// {path: null} matches null and missing alike, as they sort alike.
		return (value == null) ? Filters.eq(path, null) : operator(path, "$eq", value);
	}

	private static Bson greater(String path, Object value) {
		if (value == null) {
			return Filters.ne(path, null);
		}
		if (path.equals(FieldPaths.ID)) {
			// Always a string: a plain range, which the _id index serves.
			return operator(path, "$gt", value);
		}
		return anyOf(operator(path, "$gt", value), types(path, SortTypeClass.of(value).aliasesAfter()));
	}

	private static Bson smaller(String path, Object value) {
		if (value == null) {
			return null;
		}
		if (path.equals(FieldPaths.ID)) {
			return operator(path, "$lt", value);
		}
		return anyOf(operator(path, "$lt", value), Filters.eq(path, null),
				types(path, SortTypeClass.of(value).aliasesBefore()));
	}

	private static Bson operator(String path, String operator, Object value) {
		return new Document(path, new Document(operator, value));
	}

	private static Bson types(String path, List<String> aliases) {
		return aliases.isEmpty() ? null : new Document(path, new Document("$type", aliases));
	}

	private static Bson anyOf(Bson... conditions) {
		List<Bson> present = Arrays.stream(conditions).filter(Objects::nonNull).toList();
		return (present.size() == 1) ? present.get(0) : Filters.or(present);
	}

}
