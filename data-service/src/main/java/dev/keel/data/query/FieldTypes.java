package dev.keel.data.query;

import tools.jackson.databind.JsonNode;

/**
 * The types of a collection's fields, derived from its JSON Schema. A filter value is
 * typed by the field it is compared with, so {@code priority==3} finds the number 3 when
 * the schema says {@code priority} is a number, and the string "3" when it says string.
 */
public interface FieldTypes {

	/**
	 * The declared type at a field path.
	 * @param dottedPath a path such as {@code address.city}, or a system field such as
	 * {@code _createdAt}
	 * @return the type, {@link FieldType#UNKNOWN} when the schema does not say
	 */
	FieldType typeOf(String dottedPath);

	/**
	 * The type of the items of an array field; MongoDB compares a filter value with each
	 * item, so this is what the value is typed by.
	 * @param dottedPath the path of an array field
	 * @return the items' type, {@link FieldType#UNKNOWN} when the schema does not say
	 */
	default FieldType itemTypeOf(String dottedPath) {
		return FieldType.UNKNOWN;
	}

	/**
	 * The field types a collection's schema declares. It follows {@code properties} into
	 * nested objects and {@code items} into arrays; a type list such as
	 * {@code ["string", "null"]} counts as its one non-null type.
	 * @param schemaOrNull the collection's JSON Schema, or {@code null} without one
	 * @return the types; system fields always have theirs
	 */
	static FieldTypes fromSchema(JsonNode schemaOrNull) {
		return new SchemaFieldTypes(schemaOrNull);
	}

}
