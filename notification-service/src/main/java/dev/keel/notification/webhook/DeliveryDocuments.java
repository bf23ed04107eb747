package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** How deliveries and their attempts are stored in MongoDB. */
final class DeliveryDocuments {

	private DeliveryDocuments() {
	}

	static Document toDocument(Delivery delivery) {
		return new Document("_id", delivery.id()).append("webhookId", delivery.webhookId())
			.append("eventId", delivery.eventId())
			.append("eventType", delivery.eventType())
			.append("payload", delivery.payload())
			.append("status", delivery.status().value())
			.append("attempts", delivery.attempts())
			.append("lastStatusCode", delivery.lastStatusCode())
			.append("lastError", delivery.lastError())
			.append("nextAttemptAt", date(delivery.nextAttemptAt()))
			.append("dueAt", date(delivery.nextAttemptAt()))
			.append("finalAttempt", delivery.finalAttempt())
			.append("attemptLog", delivery.attemptLog().stream().map(DeliveryDocuments::toDocument).toList())
			.append("createdAt", date(delivery.createdAt()))
			.append("claim", delivery.claim())
			.append("claimedUntil", null);
	}

	static Document toDocument(Attempt attempt) {
		return new Document("at", date(attempt.at())).append("statusCode", attempt.statusCode())
			.append("error", attempt.error())
			.append("durationMs", attempt.durationMs());
	}

	static Delivery delivery(Document stored) {
		List<Attempt> log = stored.getList("attemptLog", Document.class, List.of())
			.stream()
			.map(DeliveryDocuments::attempt)
			.toList();
		return new Delivery(stored.getString("_id"), stored.getString("webhookId"), stored.getString("eventId"),
				stored.getString("eventType"), stored.getString("payload"),
				DeliveryStatus.of(stored.getString("status")).orElseThrow(), stored.getInteger("attempts", 0),
				stored.getInteger("lastStatusCode"), stored.getString("lastError"),
				instant(stored.getDate("nextAttemptAt")), stored.getBoolean("finalAttempt", false), log,
				instant(stored.getDate("createdAt")), stored.getString("claim"));
	}

	private static Attempt attempt(Document stored) {
		Number duration = stored.get("durationMs", Number.class);
		return new Attempt(instant(stored.getDate("at")), stored.getInteger("statusCode"), stored.getString("error"),
				(duration != null) ? duration.longValue() : 0);
	}

	private static Date date(Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
