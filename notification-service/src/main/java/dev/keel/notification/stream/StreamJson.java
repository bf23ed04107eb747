package dev.keel.notification.stream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.keel.notification.inbox.InboxItem;
import dev.keel.notification.inbox.Notification;

/**
 * The JSON of the stream: an item's SSE data is its {@link InboxItem}, as the inbox API
 * shows it; a record on the internal topic is the whole {@link Notification}, recipient
 * included. Records are read leniently, so instances of different versions can share the
 * topic during a rolling upgrade.
 */
@Component
class StreamJson {

	private final JsonMapper mapper;

	private final ObjectReader records;

	StreamJson(JsonMapper mapper) {
		this.mapper = mapper;
		this.records = mapper.readerFor(Notification.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	Live live(Notification notification) {
		String data = this.mapper.writeValueAsString(InboxItem.of(notification));
		return new Live(notification.id(), SseFrames.notification(notification.id(), data));
	}

	String record(Notification notification) {
		return this.mapper.writeValueAsString(notification);
	}

	/** Reads a topic record; throws a {@code JacksonException} if it is not one. */
	Notification notification(String record) {
		return this.records.readValue(record);
	}

}
