package dev.keel.auth.user;

import java.util.Arrays;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.keel.auth.config.AuthProperties;
import dev.keel.events.EventEnvelope;
import dev.keel.events.auth.UserEvent;
import dev.keel.support.outbox.Outbox;
import dev.keel.support.outbox.OutboxEntry;
import dev.keel.support.outbox.Traceparent;

/**
 * Turns user events into outbox entries of the user's own document, so that a change and
 * its events are one atomic write; the relay publishes them to {@code keel.auth.events},
 * keyed by user id, with the trace context of the request that caused them.
 */
@Component
class UserEvents {

	static final String SOURCE = "/keel/auth-service";

	private final AuthProperties properties;

	private final ObjectProvider<Tracer> tracer;

	UserEvents(AuthProperties properties, ObjectProvider<Tracer> tracer) {
		this.properties = properties;
		this.tracer = tracer;
	}

	/**
	 * Adds the events to an update of the user's document, so they are written with the
	 * change.
	 */
	Update appendTo(Update update, UserEvent... events) {
		return Outbox.push(update, entries(events));
	}

	OutboxEntry[] entries(UserEvent... events) {
		Tracer current = this.tracer.getIfAvailable();
		String traceparent = (current != null) ? Traceparent.current(current) : null;
		return Arrays.stream(events)
			.map((event) -> Outbox.entry(this.properties.events().topic(),
					EventEnvelope.wrap(SOURCE, event, traceparent)))
			.toArray(OutboxEntry[]::new);
	}

}
