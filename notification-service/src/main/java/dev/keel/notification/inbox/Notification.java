package dev.keel.notification.inbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One inbox item, as clients see it.
 *
 * @param id the notification id, also the SSE event id
 * @param userId the recipient
 * @param type what kind of notification it is, such as {@code subscription}
 * @param title a one-line summary
 * @param body a sentence or two
 * @param data structured details; for document events at least {@code collection},
 * {@code documentId} and {@code eventType}
 * @param read whether the recipient marked it read
 * @param createdAt when it was created
 */
public record Notification(String id, String userId, String type, String title, String body, Map<String, Object> data,
		boolean read, Instant createdAt) {

	public Notification {
		data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
	}

}
