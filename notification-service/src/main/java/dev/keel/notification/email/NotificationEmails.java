package dev.keel.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Emails that repeat an inbox item, for users whose preferences ask for email. One per
 * event and recipient, however often the event arrives, and at most
 * {@code notifications-per-hour} per recipient: beyond that the inbox alone carries them,
 * so a busy collection cannot flood a mailbox.
 */
@Service
public class NotificationEmails {

	private static final Logger log = LoggerFactory.getLogger(NotificationEmails.class);

	private final EmailQueue queue;

	private final EmailSender sender;

	private final int perHour;

	NotificationEmails(EmailQueue queue, EmailSender sender, EmailProperties properties) {
		this.queue = queue;
		this.sender = sender;
		this.perHour = properties.notificationsPerHour();
	}

	/**
	 * Queues the email unless this event already gave the recipient one, or the recipient
	 * had their hour's share.
	 * @param eventId the event behind the notification
	 * @param userId the recipient's user id
	 * @param to the recipient's verified address
	 * @param title the heading (never the subject)
	 * @param body the text
	 * @return whether it was queued now
	 */
	public boolean queue(String eventId, String userId, String to, String title, String body) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		if (this.queue.countSince(userId, EmailKind.NOTIFICATION, now.minus(Duration.ofHours(1))) >= this.perHour) {
			log.debug("Not emailing {} about event {}: {} notification emails in the last hour already", userId,
					eventId, this.perHour);
			return false;
		}
		QueuedEmail email = new QueuedEmail(eventId + ":" + userId + ":" + EmailKind.NOTIFICATION.template(),
				EmailKind.NOTIFICATION, userId, to, null, null, null, null, 0, now, title, body);
		boolean queued = this.queue.enqueue(email);
		if (queued) {
			this.sender.wakeUp();
		}
		return queued;
	}

}
