package dev.keel.notification.email;

import java.time.Instant;

/**
 * An email to send, as queued from the event that asked for it.
 *
 * @param id the event id and the kind: one email per event, however often Kafka delivers
 * the event
 * @param kind what the email says
 * @param userId the recipient's user id
 * @param to the recipient's address
 * @param name how to greet them
 * @param token the one-time token the link carries, or {@code null}; dropped from the
 * queue once the email is sent or given up
 * @param code the one-time sign-in code the email shows, or {@code null}; dropped like
 * the token
 * @param expiresAt when the token expires, or {@code null}
 * @param attempts how many times sending failed so far
 * @param createdAt when it was queued
 * @param title a notification email's subject and heading, or {@code null}
 * @param body a notification email's text, or {@code null}
 */
record QueuedEmail(String id, EmailKind kind, String userId, String to, String name, String token, String code,
		Instant expiresAt, int attempts, Instant createdAt, String title, String body) {

	static String idOf(String eventId, EmailKind kind) {
		return eventId + ":" + kind.template();
	}

}
