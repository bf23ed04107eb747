package dev.keel.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Collection definitions and documents for data-service tests. */
public final class DataFixtures {

	private static final AtomicInteger counter = new AtomicInteger();

	private DataFixtures() {
	}

	/** A collection name no other test uses. */
	public static String aCollectionName(String prefix) {
		return prefix + "-" + counter.incrementAndGet();
	}

	/** Tasks: a title is required, no other fields than the schema's. */
	public static Map<String, Object> aTaskCollection(String read, String create, String update, String delete) {
		return Map.of("schema", taskSchema(), "access", access(read, create, update, delete), "indexes",
				List.of(Map.of("fields", List.of("status", "-priority"), "unique", false)));
	}

	public static Map<String, Object> taskSchema() {
		return Map.of("type", "object", "required", List.of("title"), "additionalProperties", false, "properties",
				Map.of("title", Map.of("type", "string", "maxLength", 200), "status",
						Map.of("type", "string", "enum", List.of("open", "done")), "priority",
						Map.of("type", "integer", "minimum", 0), "tags",
						Map.of("type", "array", "items", Map.of("type", "string")), "address",
						Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))));
	}

	public static Map<String, String> access(String read, String create, String update, String delete) {
		return Map.of("read", read, "create", create, "update", update, "delete", delete);
	}

	public static Map<String, Object> aTask(String title) {
		return Map.of("title", title, "status", "open", "priority", 3);
	}

}
