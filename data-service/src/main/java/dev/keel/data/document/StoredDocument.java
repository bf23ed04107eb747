package dev.keel.data.document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.mongodb.core.query.Update;

import dev.keel.data.collection.FieldPaths;
import dev.keel.data.collection.Timestamps;
import dev.keel.support.outbox.Outbox;

/**
 * A document as stored: the system fields and the user fields.
 *
 * @param id the id
 * @param owner the creator's {@code sub}, or {@code null} for an anonymous creation
 * @param version 1, then +1 on every change
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param fields the user fields
 */
record StoredDocument(String id, String owner, long version, Instant createdAt, Instant updatedAt, ObjectNode fields) {

	static final String ID = "_id";

	static final String OWNER = "_owner";

	static final String VERSION = "_version";

	static final String CREATED_AT = "_createdAt";

	static final String UPDATED_AT = "_updatedAt";

	/** Reads a stored document, ignoring outbox fields. */
	static StoredDocument of(Document stored) {
		ObjectNode fields = JsonNodeFactory.instance.objectNode();
		stored.forEach((name, value) -> {
			if (!FieldPaths.SYSTEM.contains(name) && !Outbox.FIELDS.contains(name)) {
				fields.set(name, UserFields.toJson(value));
			}
		});
		return new StoredDocument(stored.get(ID).toString(), stored.getString(OWNER),
				stored.get(VERSION, Number.class).longValue(), instant(stored.get(CREATED_AT)),
				instant(stored.get(UPDATED_AT)), fields);
	}

	/** The BSON of a new document, without its outbox. */
	Document toBson() {
		Document document = new Document(ID, this.id).append(OWNER, this.owner)
			.append(VERSION, this.version)
			.append(CREATED_AT, Date.from(this.createdAt))
			.append(UPDATED_AT, Date.from(this.updatedAt));
		this.fields.properties()
			.forEach((field) -> document.append(field.getKey(), UserFields.toBson(field.getValue())));
		return document;
	}

	/** The document as the API returns it: the id, the user fields, then the rest. */
	ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put(ID, this.id);
		json.setAll(this.fields);
		json.put(OWNER, this.owner);
		json.put(VERSION, this.version);
		json.put(CREATED_AT, Timestamps.format(this.createdAt));
		json.put(UPDATED_AT, Timestamps.format(this.updatedAt));
		return json;
	}

	/**
	 * What a caller who may change the document but not read it is told: its id and
	 * version.
	 */
	ObjectNode receipt() {
		return receipt(this.id, this.version);
	}

	static ObjectNode receipt(String id, long version) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put(ID, id);
		json.put(VERSION, version);
		return json;
	}

	/** The ETag: the quoted version. */
	String etag() {
		return "\"" + this.version + "\"";
	}

	/** The next version of this document with other user fields. */
	StoredDocument changedTo(ObjectNode newFields, Instant now) {
		return new StoredDocument(this.id, this.owner, this.version + 1, this.createdAt, now, newFields);
	}

	/**
	 * The update that makes the stored previous version this one: the changed fields set
	 * or unset, the version and the time.
	 * @param changed the top-level fields that changed
	 * @return the update
	 */
	Update updateOf(List<String> changed) {
		Update update = new Update();
		changed.forEach((name) -> {
			JsonNode value = this.fields.get(name);
			if (value == null) {
				update.unset(name);
			}
			else {
				update.set(name, UserFields.toBson(value));
			}
		});
		return update.set(VERSION, this.version).set(UPDATED_AT, Date.from(this.updatedAt));
	}

	/** The top-level user fields that differ between this document and {@code other}. */
	List<String> changedFields(ObjectNode other) {
		Set<String> names = new LinkedHashSet<>(this.fields.propertyNames());
		names.addAll(other.propertyNames());
		return names.stream().filter((name) -> !equal(this.fields.get(name), other.get(name))).toList();
	}

	private static boolean equal(JsonNode a, JsonNode b) {
		return (a == null) ? b == null : a.equals(b);
	}

	private static Instant instant(Object value) {
		return (value instanceof Date date) ? date.toInstant() : Instant.EPOCH;
	}

}
