package dev.keel.notification.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.IntegrationEvent;
import dev.keel.events.data.CollectionEvent;
import dev.keel.events.data.DocumentEvent;
import dev.keel.support.events.IntegrationEventDeserializer;
import dev.keel.support.events.KeelEventsAutoConfiguration;
import dev.keel.support.events.UnknownEvent;

/**
 * Turns every auth, data and file event into one delivery per matching webhook. It reads
 * in a consumer group of its own, so the other listeners keep their offsets. Idempotent
 * by event id: a redelivered event finds its deliveries stored already. A record that is
 * not a CloudEvent never gets here: it goes to the dead-letter topic (see the config
 * package); one of a type this service does not know (from a newer producer) is skipped.
 * Receivers get the event's JSON as it was on the topic ({@link EventPayload}).
 */
@Component
class WebhookEvents {

	private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

	private final WebhookStore webhooks;

	private final DeliveryStore deliveries;

	private final DeliveryDispatcher dispatcher;

	WebhookEvents(WebhookStore webhooks, DeliveryStore deliveries, DeliveryDispatcher dispatcher) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
	}

	@KafkaListener(id = "webhooks", groupId = "${spring.kafka.consumer.group-id}.webhooks",
			topics = { "${keel.notification.auth-events-topic:keel.auth.events}",
					"${keel.notification.data-events-topic:keel.data.events}",
					"${keel.notification.storage-events-topic:keel.storage.events}" },
			containerFactory = KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY,
			properties = IntegrationEventDeserializer.PASS_UNKNOWN_TYPES + "=true")
	void on(ConsumerRecord<String, IntegrationEvent> record) {
		IntegrationEvent event = record.value();
		if (event instanceof UnknownEvent unknown) {
			log.debug("Skipped an event of a type this service does not know: {}", unknown.type());
			return;
		}
		String collection = switch (event) {
			case DocumentEvent document -> document.collection();
			case CollectionEvent definition -> definition.collection();
			default -> null;
		};
		List<Webhook> targets = this.webhooks.all()
			.stream()
			.filter((webhook) -> webhook.accepts(event.type(), collection))
			.toList();
		if (targets.isEmpty()) {
			return;
		}
		String payload = EventPayload.of(IntegrationEventDeserializer.json(record), event.type());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long queued = targets.stream()
			.filter((webhook) -> this.deliveries
				.insert(Delivery.first(webhook.id(), event.eventId(), event.type(), payload, now)))
			.count();
		if (queued > 0) {
			this.dispatcher.wakeUp();
		}
		if (queued < targets.size()) {
			log.debug("Event {} was handled before for {} webhook(s)", event.eventId(), targets.size() - queued);
		}
	}

}
