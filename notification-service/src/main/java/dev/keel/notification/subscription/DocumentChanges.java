package dev.keel.notification.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.IntegrationEvent;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentEvent;
import dev.keel.events.data.DocumentUpdated;
import dev.keel.support.events.KeelEventsAutoConfiguration;

/**
 * Turns document events into notifications for the subscribers of their collection, in a
 * consumer group of its own so that several instances share the partitions; who hears and
 * how is {@link SubscriberNotices}'s.
 * <p>
 * A record that is not an event this version knows never gets here: it goes to the
 * dead-letter topic (see the config package).
 */
@Component
class DocumentChanges {

	private final SubscriberNotices notices;

	DocumentChanges(SubscriberNotices notices) {
		this.notices = notices;
	}

	@KafkaListener(id = "subscriptions", groupId = "${spring.kafka.consumer.group-id}.subscriptions",
			topics = "${keel.notification.data-events-topic:keel.data.events}",
			containerFactory = KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY)
	void on(IntegrationEvent event) {
		if (event instanceof DocumentEvent document) {
			on(document);
		}
	}

	void on(DocumentEvent event) {
		String type = event.type();
		String action = type.substring(type.lastIndexOf('.') + 1);
		this.notices.deliver(new SubscriberNotices.Change(event.eventId(), event.collection(), type, event.documentId(),
				event.actor(), event.readRule(), event.owner(),
				"A document in " + event.collection() + " was " + action, body(event, action), data(event, type)));
	}

	private static String body(DocumentEvent event, String action) {
		List<String> fields = changedFields(event);
		String what = event.collection() + "/" + event.documentId() + " was " + action;
		return (action.equals("updated") && !fields.isEmpty()) ? what + "; changed: " + String.join(", ", fields) + "."
				: what + ".";
	}

	private static Map<String, Object> data(DocumentEvent event, String type) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("collection", event.collection());
		data.put("documentId", event.documentId());
		data.put("eventType", type);
		data.put("eventId", event.eventId());
		data.put("version", event.version());
		data.put("changedFields", changedFields(event));
		if (event.actor() != null) {
			data.put("actor", event.actor());
		}
		return data;
	}

	private static List<String> changedFields(DocumentEvent event) {
		return switch (event) {
			case DocumentCreated created -> created.changedFields();
			case DocumentUpdated updated -> updated.changedFields();
			case DocumentDeleted deleted -> List.of();
		};
	}

}
