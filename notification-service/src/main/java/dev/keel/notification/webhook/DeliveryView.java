package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as the API shows it.
 *
 * @param id the delivery id, the {@code webhook-id} header of its attempts
 * @param eventId the event
 * @param eventType the event's type
 * @param status {@code pending}, {@code succeeded}, {@code failed} or {@code dead}
 * @param attempts how many attempts were made
 * @param lastStatusCode the HTTP status of the last attempt, or {@code null}
 * @param lastError why the last attempt failed, or {@code null}
 * @param nextAttemptAt when the next attempt is due, or {@code null}
 * @param createdAt when the event was taken in
 * @param attemptLog the latest attempts, oldest first
 */
record DeliveryView(String id, String eventId, String eventType, String status, int attempts, Integer lastStatusCode,
		String lastError, Instant nextAttemptAt, Instant createdAt, List<Attempt> attemptLog) {

	static DeliveryView of(Delivery delivery) {
		return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.status().value(),
				delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(), delivery.nextAttemptAt(),
				delivery.createdAt(), delivery.attemptLog());
	}

	/**
	 * A page of deliveries.
	 *
	 * @param items the deliveries, newest first
	 * @param nextCursor where the next page starts, or {@code null} after the last
	 */
	record Page(List<DeliveryView> items, String nextCursor) {
	}

}
