package dev.keel.data.collection;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/data/collections/{name}}. Checked by the service, which
 * reports every problem at once.
 *
 * @param schema a JSON Schema (draft 2020-12) for the documents' user fields, or
 * {@code null}
 * @param access the rule for each of {@code read}, {@code create}, {@code update} and
 * {@code delete}
 * @param indexes the indexes, or {@code null} for none
 */
record CollectionRequest(JsonNode schema, Map<String, String> access, List<IndexRequest> indexes) {

	/**
	 * One requested index.
	 *
	 * @param fields field paths in order, {@code -} for descending
	 * @param unique whether values must be unique; {@code false} when absent
	 */
	record IndexRequest(List<String> fields, Boolean unique) {
	}

}
