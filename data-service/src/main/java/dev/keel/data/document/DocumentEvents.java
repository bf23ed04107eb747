package dev.keel.data.document;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper json;

	DocumentEvents(JsonMapper json) {
		this.json = json;
	}

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

	private Map<String, Object> body(StoredDocument document) {
		byte[] bytes = this.json.writeValueAsBytes(document.toJson());
		return (bytes.length <= MAX_DOCUMENT_BYTES) ? this.json.readValue(bytes, MAP) : null;
	}

}
