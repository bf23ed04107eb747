package dev.keel.auth.user;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.keel.auth.config.AuthProperties;
import dev.keel.events.auth.UserEvent;
import dev.keel.support.outbox.Outbox;

/**
 * Puts user events into the user's own document through the shared {@link Outbox}, so
 * that a change and its events are one atomic write; the relay publishes them to
 * {@code keel.auth.events}, keyed by user id, with the trace context of the request that
 * caused them.
 */
@Component
class UserEvents {

	private final Outbox outbox;

	private final String topic;

	UserEvents(Outbox outbox, AuthProperties properties) {
		this.outbox = outbox;
		this.topic = properties.events().topic();
	}

	/**
	 * Adds the events to an update of the user's document, so they are written with the
	 * change.
	 */
	Update appendTo(Update update, UserEvent... events) {
		return this.outbox.push(Users.COLLECTION, update, this.topic, events);
	}

	/** Puts the events into a new user's document, so they are inserted with it. */
	Document attachTo(Document user, UserEvent... events) {
		return this.outbox.attach(Users.COLLECTION, user, this.topic, events);
	}

}
