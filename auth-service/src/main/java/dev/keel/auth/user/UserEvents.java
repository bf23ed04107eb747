package dev.keel.auth.user;

import java.util.Arrays;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.query.Update;

import org.springframework.stereotype.Component;

import dev.keel.auth.config.AuthProperties;
import dev.keel.events.EventEnvelope;
import dev.keel.events.auth.UserEvent;
import dev.keel.support.outbox.Outbox;

/**
 * Turns user events into outbox entries for the user's own document, so that a change and
 * its events are one atomic write and the relay publishes them to
 * {@code keel.auth.events}, keyed by user id.
 */
@Component
class UserEvents {

	static final String OUTBOX_FIELD = Outbox.FIELD;

	static final String SOURCE = "/keel/auth-service";

	private final AuthProperties properties;

	private final Outbox outbox;

	UserEvents(AuthProperties properties, Outbox outbox) {
		this.properties = properties;
		this.outbox = outbox;
	}

	/**
	 * Adds the events to an update of the user's document, so they are written with the
	 * change.
	 */
	Update appendTo(Update update, UserEvent... events) {
		update.push(OUTBOX_FIELD).each(entries(events).toArray());
		return update;
	}

	List<Document> entries(UserEvent... events) {
		return Arrays.stream(events)
			.map((event) -> this.outbox.entry(this.properties.events().topic(),
					EventEnvelope.wrap(SOURCE, event, this.outbox.currentTraceparent())))
			.toList();
	}

}
