package dev.keel.notification.email;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;

/**
 * Emails that repeat an inbox item, for users whose preferences ask for email. One per
 * event and recipient, however often the event arrives.
 */
@Service
public class NotificationEmails {

	private final EmailQueue queue;

	private final EmailSender sender;

	NotificationEmails(EmailQueue queue, EmailSender sender) {
		this.queue = queue;
		this.sender = sender;
	}

	/**
	 * Queues the email unless this event already gave the recipient one.
	 * @param eventId the event behind the notification
	 * @param userId the recipient's user id
	 * @param to the recipient's address
	 * @param title the subject and heading
	 * @param body the text
	 * @return whether it was queued now
	 */
	public boolean queue(String eventId, String userId, String to, String title, String body) {
		QueuedEmail email = new QueuedEmail(eventId + ":" + userId + ":" + EmailKind.NOTIFICATION.template(),
				EmailKind.NOTIFICATION, to, null, null, null, 0, Instant.now().truncatedTo(ChronoUnit.MILLIS), title,
				body);
		boolean queued = this.queue.enqueue(email);
		if (queued) {
			this.sender.wakeUp();
		}
		return queued;
	}

}
