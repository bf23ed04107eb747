package dev.keel.auth.user;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.keel.auth.config.AuthProperties;
import dev.keel.events.auth.UserEvent;
import dev.keel.support.outbox.Outbox;
import dev.keel.support.outbox.OutboxEntry;

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

	/** The entries of a new user's events, for {@link Users#insert}. */
	OutboxEntry[] entries(UserEvent... events) {
		return this.outbox.entries(this.topic, events);
	}

}
