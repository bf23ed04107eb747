package dev.keel.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * One event on its way to one webhook.
 *
 * @param id the delivery id, also the {@code webhook-id} header on every attempt
 * @param webhookId the webhook
 * @param eventId the event
 * @param eventType the event's type
 * @param payload the exact body every attempt sends
 * @param status where it stands
 * @param attempts how many attempts were made
 * @param lastStatusCode the HTTP status of the last attempt, or {@code null}
 * @param lastError why the last attempt failed, or {@code null}
 * @param nextAttemptAt when the next attempt is due, or {@code null} when none is
 * @param finalAttempt whether the next attempt is the last whatever the schedule says (a
 * dead delivery retried by hand)
 * @param attemptLog the latest attempts, oldest first
 * @param createdAt when the event was taken in
 * @param claim the token of the worker sending it now, or {@code null}
 */
record Delivery(String id, String webhookId, String eventId, String eventType, String payload, DeliveryStatus status,
		int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt, boolean finalAttempt,
		List<Attempt> attemptLog, Instant createdAt, String claim) {

	Delivery {
		attemptLog = List.copyOf(attemptLog);
	}

	/** A delivery that waits for its first attempt. */
	static Delivery first(String webhookId, String eventId, String eventType, String payload, Instant now) {
		return new Delivery(idOf(webhookId, eventId), webhookId, eventId, eventType, payload, DeliveryStatus.PENDING, 0,
				null, null, now, false, List.of(), now, null);
	}

	/**
	 * The id of an event's delivery to a webhook: derived from both, so that an event
	 * that Kafka delivers twice gives the same id and is stored once.
	 */
	static String idOf(String webhookId, String eventId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((webhookId + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
			return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
