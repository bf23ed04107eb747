package dev.keel.notification.subscription;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.IntegrationEvent;
import dev.keel.events.storage.FileEvent;
import dev.keel.support.events.IntegrationEventDeserializer;
import dev.keel.support.events.KeelEventsAutoConfiguration;

/**
 * Turns file events into notifications for the subscribers of their bucket, in a consumer
 * group of its own, exactly as document events reach the subscribers of their collection
 * ({@link SubscriberNotices}). Types this version does not know are skipped. The file's
 * name, which its uploader chose, is in the notification's data only: the title and text
 * (which emails carry) name the bucket and the file's id.
 */
@Component
class FileChanges {

	private final SubscriberNotices notices;

	FileChanges(SubscriberNotices notices) {
		this.notices = notices;
	}

	@KafkaListener(id = "file-subscriptions", groupId = "${spring.kafka.consumer.group-id}.file-subscriptions",
			topics = "${keel.notification.storage-events-topic:keel.storage.events}",
			containerFactory = KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY,
			properties = IntegrationEventDeserializer.PASS_UNKNOWN_TYPES + "=true")
	void on(IntegrationEvent event) {
		if (event instanceof FileEvent file) {
			on(file);
		}
	}

	void on(FileEvent event) {
		String type = event.type();
		String action = type.substring(type.lastIndexOf('.') + 1);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("bucket", event.bucket());
		data.put("objectId", event.objectId());
		data.put("name", event.name());
		data.put("size", event.size());
		data.put("contentType", event.contentType());
		data.put("eventType", type);
		data.put("eventId", event.eventId());
		if (event.actor() != null) {
			data.put("actor", event.actor());
		}
		this.notices.deliver(new SubscriberNotices.Change(event.eventId(), Subscription.bucketKey(event.bucket()), type,
				event.objectId(), event.actor(), event.readRule(), event.owner(),
				"A file in " + event.bucket() + " was " + action,
				event.bucket() + "/" + event.objectId() + " was " + action + ".", data));
	}

}
