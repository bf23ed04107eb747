package dev.keel.notification.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification to deliver because of an event. The pair of event id and recipient
 * identifies it: delivering the same pair again adds nothing.
 *
 * @param eventId the event that caused it
 * @param userId the recipient
 * @param type the notification type
 * @param title a one-line summary
 * @param body a sentence or two
 * @param data structured details
 */
public record NewNotification(String eventId, String userId, String type, String title, String body,
		Map<String, Object> data) {

	public NewNotification {
		data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
	}

}
