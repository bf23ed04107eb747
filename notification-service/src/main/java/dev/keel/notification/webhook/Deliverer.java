package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Carries out one claimed delivery: one attempt, then its outcome: succeeded, failed with
 * the next attempt scheduled, or dead when the schedule is used up. A delivery whose
 * webhook was deleted is marked dead without an attempt.
 */
@Component
class Deliverer {

	static final String WEBHOOK_DELETED = "webhook deleted";

	private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

	private final WebhookStore webhooks;

	private final DeliveryStore deliveries;

	private final WebhookClient client;

	private final RetrySchedule schedule;

	Deliverer(WebhookStore webhooks, DeliveryStore deliveries, WebhookClient client, WebhookProperties properties) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.client = client;
		this.schedule = new RetrySchedule(properties.retrySchedule(), properties.jitter(), new Random());
	}

	void deliver(Delivery delivery) throws InterruptedException {
		Webhook webhook = this.webhooks.find(delivery.webhookId());
		if (webhook == null) {
			this.deliveries.abandon(delivery, WEBHOOK_DELETED);
			return;
		}
		Attempt attempt = this.client.send(webhook, delivery);
		if (attempt.succeeded()) {
			record(delivery, attempt, DeliveryStatus.SUCCEEDED, null);
			return;
		}
		Instant next = delivery.finalAttempt() ? null
				: this.schedule.nextAttempt(delivery.attempts() + 1, Instant.now()).orElse(null);
		record(delivery, attempt, (next != null) ? DeliveryStatus.FAILED : DeliveryStatus.DEAD, next);
		log.info("Delivery {} to webhook {} failed ({}); {}", delivery.id(), webhook.id(), attempt.error(),
				(next != null) ? "next attempt at " + next : "giving up");
	}

	private void record(Delivery delivery, Attempt attempt, DeliveryStatus status, Instant next) {
		if (!this.deliveries.record(delivery, attempt, status, next)) {
			log.warn("Delivery {} was taken over by another worker before its outcome was recorded", delivery.id());
		}
	}

}
