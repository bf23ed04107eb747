package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as the API shows it, without its secret.
 *
 * @param id the webhook id
 * @param url where deliveries go
 * @param events the event types or patterns it receives
 * @param collections the collections it is narrowed to; empty for all
 * @param description what it is for, or {@code null}
 * @param createdAt when it was registered
 */
record WebhookView(String id, String url, List<String> events, List<String> collections, String description,
		Instant createdAt) {

	static WebhookView of(Webhook webhook) {
		return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.collections(),
				webhook.description(), webhook.createdAt());
	}

	/**
	 * A page of webhooks.
	 *
	 * @param items the webhooks, oldest first
	 * @param nextCursor where the next page starts, or {@code null} after the last
	 */
	record Page(List<WebhookView> items, String nextCursor) {
	}

	/**
	 * The answer to a registration: the only time the secret is shown.
	 *
	 * @param id the webhook id
	 * @param secret the signing secret ({@code whsec_...})
	 * @param url where deliveries go
	 * @param events the event types or patterns it receives
	 * @param collections the collections it is narrowed to; empty for all
	 * @param description what it is for, or {@code null}
	 * @param createdAt when it was registered
	 */
	record Created(String id, String secret, String url, List<String> events, List<String> collections,
			String description, Instant createdAt) {

		static Created of(Webhook webhook) {
			return new Created(webhook.id(), webhook.secret(), webhook.url(), webhook.events(), webhook.collections(),
					webhook.description(), webhook.createdAt());
		}

	}

}
