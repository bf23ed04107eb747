package dev.keel.data.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.keel.data.collection.CollectionDefinition;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentUpdated;

/**
 * Builds the events of document changes. Events carry the new document unless its JSON is
 * over {@value #MAX_DOCUMENT_BYTES} bytes, to keep Kafka records small; consumers then
 * fetch it if they need it.
 */
@Component
class DocumentEvents {

	static final int MAX_DOCUMENT_BYTES = 64 * 1024;

	DocumentCreated created(CollectionDefinition collection, StoredDocument document, String actor) {
		Map<String, Object> body = body(document);
		return DocumentCreated.of(collection.name(), document.id(), document.owner(), actor, document.version(),
				collection.access().read().text(), List.copyOf(document.fields().propertyNames()), body, body == null);
	}

	DocumentUpdated updated(CollectionDefinition collection, StoredDocument document, List<String> changed,
			String actor) {
		Map<String, Object> body = body(document);
		return DocumentUpdated.of(collection.name(), document.id(), document.owner(), actor, document.version(),
				collection.access().read().text(), changed, body, body == null);
	}

	DocumentDeleted deleted(CollectionDefinition collection, StoredDocument document, String actor) {
		return DocumentDeleted.of(collection.name(), document.id(), document.owner(), actor, document.version(),
				collection.access().read().text());
	}

	// The document's JSON is measured, not written and read back: the event's data is
	// written as JSON once, by the outbox.
	private static Map<String, Object> body(StoredDocument document) {
		ObjectNode json = document.toJson();
		return (DocumentSize.bytes(json) <= MAX_DOCUMENT_BYTES) ? map(json) : null;
	}

	private static Map<String, Object> map(JsonNode object) {
		Map<String, Object> map = new LinkedHashMap<>();
		object.properties().forEach((field) -> map.put(field.getKey(), value(field.getValue())));
		return map;
	}

	/** A JSON value as the JDK types Jackson would read it into. */
	private static Object value(JsonNode node) {
		if (node.isObject()) {
			return map(node);
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			node.forEach((item) -> list.add(value(item)));
			return list;
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node.asString();
	}

}
