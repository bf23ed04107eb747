package dev.keel.data.query;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * The classes of values in MongoDB's sort order: every null or missing value sorts before
 * every number, every number before every string, and so on up to dates. A comparison
 * operator ({@code $gt}) only meets values of its own class, so a keyset condition names
 * the classes beyond a value with {@code $type}.
 * <p>
 * Arrays are left out of every list: MongoDB sorts an array by its smallest or largest
 * item, which no {@code $type} can express, so array values get no keyset guarantee.
 */
enum SortTypeClass {

	NULL(), NUMBER("double", "int", "long", "decimal"), STRING("string"), OBJECT("object"), ARRAY(), BINARY("binData"),
	OBJECT_ID("objectId"), BOOLEAN("bool"), DATE("date"), TIMESTAMP("timestamp"), REGEX("regex");

	private final List<String> typeAliases;

	SortTypeClass(String... typeAliases) {
		this.typeAliases = List.of(typeAliases);
	}

	static SortTypeClass of(Object value) {
		if (value == null) {
			return NULL;
		}
		if (value instanceof Number) {
			return NUMBER;
		}
		if (value instanceof String) {
			return STRING;
		}
		if (value instanceof Map) {
			return OBJECT;
		}
		if (value instanceof List) {
			return ARRAY;
		}
		if (value instanceof Boolean) {
			return BOOLEAN;
		}
		if (value instanceof Date) {
			return DATE;
		}
		if (value instanceof ObjectId) {
			return OBJECT_ID;
		}
		if (value instanceof Binary || value instanceof byte[]) {
			return BINARY;
		}
		throw new IllegalArgumentException("No sort class for " + value.getClass().getName());
	}

	/** The {@code $type} aliases of the classes that sort after this one. */
	List<String> aliasesAfter() {
		return Arrays.stream(values())
			.filter((other) -> other.ordinal() > ordinal())
			.flatMap((other) -> other.typeAliases.stream())
			.toList();
	}

	/** The {@code $type} aliases of the classes between null and this one. */
	List<String> aliasesBefore() {
		return Arrays.stream(values())
			.filter((other) -> other.ordinal() < ordinal())
			.flatMap((other) -> other.typeAliases.stream())
			.toList();
	}

}
