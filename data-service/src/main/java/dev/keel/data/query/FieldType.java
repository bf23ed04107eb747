package dev.keel.data.query;

/**
 * What a field's values are, as far as a query needs to know: it decides how a filter
 * value is typed and which fields may be sorted on.
 */
public enum FieldType {

	/** A string; also a string with {@code format: date-time}, which stays a string. */
	STRING,

	/** Any JSON number. */
	NUMBER,

	/** A whole number. */
	INTEGER,

	BOOLEAN,

	/** An embedded object: only {@code =exists=} can test it. */
	OBJECT,

	/** An array: filters match its items, see {@link FieldTypes#itemTypeOf(String)}. */
	ARRAY,

	/**
	 * A stored timestamp ({@code _createdAt}, {@code _updatedAt}), filtered by RFC 3339.
	 */
	DATE_TIME,

	/** Nothing is known (no schema, or several types): values match loosely. */
	UNKNOWN

}
