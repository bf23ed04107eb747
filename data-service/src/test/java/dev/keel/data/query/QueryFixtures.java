package dev.keel.data.query;

import java.util.Date;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import tools.jackson.databind.json.JsonMapper;

/** Schemas, stored documents and helpers shared by the query tests. */
final class QueryFixtures {

	static final String TASK_SCHEMA = """
			{"type": "object", "properties": {
			  "title": {"type": "string"},
			  "status": {"type": ["string", "null"]},
			  "priority": {"type": "integer"},
			  "score": {"type": "number"},
			  "done": {"type": "boolean"},
			  "due": {"type": "string", "format": "date-time"},
			  "tags": {"type": "array", "items": {"type": "string"}},
			  "scores": {"type": "array", "items": {"type": "number"}},
			  "address": {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "integer"}}},
			  "notes": {"type": "array", "items": {"type": "object", "properties": {"text": {"type": "string"}}}}
			}}""";

	private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private QueryFixtures() {
	}

	/** The field types of a to-do list collection. */
	static FieldTypes taskTypes() {
		return FieldTypes.fromSchema(JsonMapper.builder().build().readTree(TASK_SCHEMA));
	}

	/** No schema: every user field is of unknown type. */
	static FieldTypes untyped() {
		return FieldTypes.fromSchema(null);
	}

	/** A document as the document feature stores it, with a fresh time-ordered id. */
	static Document aStoredDocument(String owner) {
		Date now = new Date();
		return new Document("_id", new ObjectId().toHexString()).append("_owner", owner)
			.append("_version", 1L)
			.append("_createdAt", now)
			.append("_updatedAt", now);
	}

	/** A filter, sort or projection as MongoDB receives it, in relaxed extended JSON. */
	static String json(Bson bson) {
		return bson.toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry()).toJson(RELAXED);
	}

}
