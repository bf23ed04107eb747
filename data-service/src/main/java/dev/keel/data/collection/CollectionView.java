package dev.keel.data.collection;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A collection definition as the API shows it.
 *
 * @param name the name
 * @param schema the schema, or {@code null}
 * @param access the rules by operation
 * @param indexes the indexes
 * @param createdAt when it was created, RFC 3339
 * @param updatedAt when its definition last changed, RFC 3339
 */
record CollectionView(String name, JsonNode schema, Map<String, String> access, List<IndexView> indexes,
		String createdAt, String updatedAt) {

	static CollectionView of(CollectionDefinition definition) {
		return new CollectionView(definition.name(),
				(definition.schema() != null) ? definition.schema().source() : null, definition.access().toMap(),
				definition.indexes().stream().map((index) -> new IndexView(index.fields(), index.unique())).toList(),
				Timestamps.format(definition.createdAt()), Timestamps.format(definition.updatedAt()));
	}

	/**
	 * An index as the API shows it.
	 *
	 * @param fields the field paths, {@code -} for descending
	 * @param unique whether values are unique
	 */
	record IndexView(List<String> fields, boolean unique) {
	}

}
