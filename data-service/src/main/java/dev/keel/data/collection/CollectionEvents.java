package dev.keel.data.collection;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.keel.data.config.DataProperties;
import dev.keel.events.EventEnvelope;
import dev.keel.events.IntegrationEvent;
import dev.keel.support.outbox.Outbox;
import dev.keel.support.outbox.OutboxEntry;
import dev.keel.support.outbox.Traceparent;

/**
 * Turns data-service's integration events into outbox entries for the
 * {@code keel.data.events} topic, with the trace of the request that caused them.
 */
@Component
public class CollectionEvents {

	/** The CloudEvents {@code source} of every data-service event. */
	public static final String SOURCE = "/keel/data-service";

	private final DataProperties properties;

	private final ObjectProvider<Tracer> tracer;

	CollectionEvents(DataProperties properties, ObjectProvider<Tracer> tracer) {
		this.properties = properties;
		this.tracer = tracer;
	}

	/**
	 * An outbox entry for the event.
	 * @param event a document or collection event
	 * @return the entry, keyed by the event's aggregate id
	 */
	public OutboxEntry entry(IntegrationEvent event) {
		Tracer current = this.tracer.getIfAvailable();
		String traceparent = (current != null) ? Traceparent.current(current) : null;
		return Outbox.entry(this.properties.events().topic(), EventEnvelope.wrap(SOURCE, event, traceparent));
	}

}
