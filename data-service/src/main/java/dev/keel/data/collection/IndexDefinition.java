package dev.keel.data.collection;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import dev.keel.support.web.Problems.FieldProblem;

/**
 * An index an admin asked for: field paths in order, {@code -} for descending, and
 * whether values must be unique. Unique indexes are sparse, so documents without the
 * field do not collide with each other.
 *
 * @param fields the paths, each optionally prefixed by {@code -}
 * @param unique whether two documents may not share the values
 */
public record IndexDefinition(List<String> fields, boolean unique) {

	static final String NAME_PREFIX = "keel_";

	static final int MAX_INDEXES = 16;

	static final int MAX_FIELDS = 8;

	public IndexDefinition {
		fields = List.copyOf(fields);
	}

	/**
	 * Checks requested indexes, reporting problems as {@code indexes[i].fields}.
	 * @param requested the indexes as sent
	 * @param errors where problems are added
	 * @return the definitions
	 */
	static List<IndexDefinition> from(List<CollectionRequest.IndexRequest> requested, List<FieldProblem> errors) {
		if (requested == null) {
			return List.of();
		}
		if (requested.size() > MAX_INDEXES) {
			errors.add(new FieldProblem("indexes", "at most " + MAX_INDEXES + " indexes"));
			return List.of();
		}
		List<IndexDefinition> indexes = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			CollectionRequest.IndexRequest index = requested.get(i);
			List<String> fields = (index != null) ? index.fields() : null;
			if (fields == null || fields.isEmpty() || fields.size() > MAX_FIELDS
					|| !fields.stream().allMatch(IndexDefinition::isValidKey)) {
				errors.add(new FieldProblem("indexes[" + i + "].fields", "must list 1 to " + MAX_FIELDS
						+ " field paths (letters, digits, '-', '_', dotted for nesting), each optionally prefixed by '-'"));
			}
			else if (fields.stream().map(IndexDefinition::path).distinct().count() < fields.size()) {
				errors.add(new FieldProblem("indexes[" + i + "].fields", "names a field twice"));
			}
			else {
				indexes.add(new IndexDefinition(fields, Boolean.TRUE.equals(index.unique())));
			}
		}
		if (indexes.stream().map(IndexDefinition::name).distinct().count() < indexes.size()) {
			errors.add(new FieldProblem("indexes", "lists the same index twice"));
		}
		return indexes;
	}

	private static boolean isValidKey(String key) {
		return key != null && !path(key).equals("_id") && FieldPaths.isAllowed(path(key));
	}

	private static String path(String key) {
		return key.startsWith("-") ? key.substring(1) : key;
	}

	/** The index key for the driver. */
	public Document key() {
		Document key = new Document();
		this.fields.forEach((field) -> key.append(path(field), field.startsWith("-") ? -1 : 1));
		return key;
	}

	/** The index's name in the store, derived from its definition. */
	public String name() {
		StringBuilder name = new StringBuilder(NAME_PREFIX);
		this.fields.forEach((field) -> name.append(path(field)).append(field.startsWith("-") ? "_-1_" : "_1_"));
		name.append(this.unique ? "u" : "n");
		return (name.length() <= 100) ? name.toString() : NAME_PREFIX + Integer.toHexString(name.toString().hashCode())
				+ "_" + this.fields.size() + (this.unique ? "u" : "n");
	}

}
