package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook.
 *
 * @param id the webhook id
 * @param url where deliveries are POSTed
 * @param events the event types or patterns it receives
 * @param collections the collections whose document and collection events it receives;
 * empty for all
 * @param description what it is for, or {@code null}
 * @param secret the signing secret ({@code whsec_...})
 * @param createdAt when it was registered
 */
record Webhook(String id, String url, List<String> events, List<String> collections, String description, String secret,
		Instant createdAt) {

	Webhook {
		events = List.copyOf(events);
		collections = List.copyOf(collections);
	}

	/**
	 * Whether an event is for this webhook.
	 * @param type the event type
	 * @param collection the collection of a document or collection event, {@code null}
	 * for other events (the collection filter does not apply to them)
	 * @return whether to deliver it
	 */
	boolean accepts(String type, String collection) {
		return EventPatterns.anyMatches(this.events, type)
				&& (collection == null || this.collections.isEmpty() || this.collections.contains(collection));
	}

}
