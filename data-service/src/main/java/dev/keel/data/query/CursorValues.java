package dev.keel.data.query;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;

/**
 * Reads a cursor's BSON, admitting only what a stored document can hold (null, numbers,
 * strings, booleans, dates, objects and arrays of them) and only as deep as a document
 * may nest. It streams the bytes itself because the driver's decoders recurse without
 * bound, and a cursor is input anyone can craft.
 */
final class CursorValues {

	static final int MAX_DEPTH = 34;

	private CursorValues() {
	}

	static Document read(ByteBuffer bson) {
		try (BsonBinaryReader reader = new BsonBinaryReader(bson)) {
			return document(reader, 0);
		}
	}

	private static Document document(BsonReader reader, int depth) {
		Document document = new Document();
		reader.readStartDocument();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			String name = reader.readName();
			document.put(name, value(reader, depth));
		}
		reader.readEndDocument();
		return document;
	}

	private static List<Object> array(BsonReader reader, int depth) {
		List<Object> array = new ArrayList<>();
		reader.readStartArray();
		while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
			array.add(value(reader, depth));
		}
		reader.readEndArray();
		return array;
	}

	private static Object value(BsonReader reader, int depth) {
		BsonType type = reader.getCurrentBsonType();
		if ((type == BsonType.DOCUMENT || type == BsonType.ARRAY) && depth >= MAX_DEPTH) {
			throw new IllegalArgumentException("Nested too deeply");
		}
		return switch (type) {
			case NULL -> readNull(reader);
			case STRING -> reader.readString();
			case INT32 -> reader.readInt32();
			case INT64 -> reader.readInt64();
			case DOUBLE -> reader.readDouble();
			case DECIMAL128 -> reader.readDecimal128();
			case BOOLEAN -> reader.readBoolean();
			case DATE_TIME -> new Date(reader.readDateTime());
			case DOCUMENT -> document(reader, depth + 1);
			case ARRAY -> array(reader, depth + 1);
			default -> throw new IllegalArgumentException("Not a value a document holds: " + type);
		};
	}

	private static Object readNull(BsonReader reader) {
		reader.readNull();
		return null;
	}

}
