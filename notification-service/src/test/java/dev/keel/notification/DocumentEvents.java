package dev.keel.notification;

import java.util.List;
import java.util.Map;

import dev.keel.events.EventEnvelope;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentUpdated;

/** Document events as data-service publishes them, for tests. */
public final class DocumentEvents {

	public static final String SOURCE = "/keel/data-service";

	private DocumentEvents() {
	}

	public static EventEnvelope<DocumentUpdated> updated(String collection, String documentId, String owner,
			String actor, String readRule) {
		return EventEnvelope.wrap(SOURCE, DocumentUpdated.of(collection, documentId, owner, actor, 2, readRule,
				List.of("title"), Map.of("id", documentId, "title", "Changed"), false), null);
	}

	public static EventEnvelope<DocumentCreated> created(String collection, String documentId, String owner,
			String readRule) {
		return EventEnvelope.wrap(SOURCE, DocumentCreated.of(collection, documentId, owner, owner, 1, readRule,
				List.of("title"), Map.of("id", documentId, "title", "New"), false), null);
	}

	public static EventEnvelope<DocumentDeleted> deleted(String collection, String documentId, String owner,
			String actor, String readRule) {
		return EventEnvelope.wrap(SOURCE, DocumentDeleted.of(collection, documentId, owner, actor, 3, readRule), null);
	}

}
