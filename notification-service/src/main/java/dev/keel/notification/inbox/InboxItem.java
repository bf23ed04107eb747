package dev.keel.notification.inbox;

import java.time.Instant;
import java.util.Map;

/**
 * An inbox item as the API and the stream show it.
 *
 * @param id the notification id
 * @param type the notification type
 * @param title a one-line summary
 * @param body a sentence or two
 * @param data structured details
 * @param read whether it was marked read
 * @param createdAt when it was created
 */
public record InboxItem(String id, String type, String title, String body, Map<String, Object> data, boolean read,
		Instant createdAt) {

	public static InboxItem of(Notification notification) {
		return new InboxItem(notification.id(), notification.type(), notification.title(), notification.body(),
				notification.data(), notification.read(), notification.createdAt());
	}

}
