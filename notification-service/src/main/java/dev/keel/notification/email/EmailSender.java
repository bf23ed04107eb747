package dev.keel.notification.email;

import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import dev.keel.notification.email.EmailTemplates.Rendered;
import dev.keel.support.work.PollingLoop;

/**
 * Sends queued emails on a virtual thread of its own. An SMTP failure leaves the email
 * queued for a later attempt, after a pause that doubles up to
 * {@code keel.notification.email.max-backoff}; after {@code give-up-after} it is marked
 * failed. Every instance runs one; a claim keeps two from sending the same email.
 */
@Component
class EmailSender extends PollingLoop {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final EmailQueue queue;

	private final EmailTemplates templates;

	private final JavaMailSender mail;

	private final EmailProperties properties;

	EmailSender(EmailQueue queue, EmailTemplates templates, JavaMailSender mail, EmailProperties properties) {
		super("keel-email-sender", properties.pollInterval());
		this.queue = queue;
		this.templates = templates;
		this.mail = mail;
		this.properties = properties;
	}

	/** Sends every email that is due, one after the other. */
	@Override
	protected void round() {
		QueuedEmail email;
		while (isRunning() && (email = this.queue.claimNext(Instant.now())) != null) {
			send(email);
		}
	}

	private void send(QueuedEmail email) {
		InternetAddress to = recipient(email.to());
		if (to == null) {
			this.queue.failed(email, "Not a single valid email address", null);
			log.warn("Gave up the {} email {}: its recipient is not a single valid address", email.kind(), email.id());
			return;
		}
		try {
			Rendered rendered = this.templates.render(email, this.properties);
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(to);
			helper.setSubject(rendered.subject());
			helper.setText(rendered.text(), rendered.html());
			this.mail.send(message);
			this.queue.sent(email, Instant.now());
			log.info("Sent the {} email {} to {}", email.kind(), email.id(), email.to());
		}
		catch (MailException | MessagingException ex) {
			Instant retryAt = retryAt(email);
			this.queue.failed(email, ex.getMessage(), retryAt);
			log.warn("Could not send the {} email {} ({}); {}", email.kind(), email.id(), ex.getMessage(),
					(retryAt != null) ? "retrying at " + retryAt : "giving up");
		}
	}

	/**
	 * The address as one plain address, without a personal name, line breaks or a group:
	 * the only thing from an event that goes into a header.
	 */
	private static InternetAddress recipient(String address) {
		if (address == null || address.length() > 320 || address.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			return (parsed.getPersonal() == null && !parsed.isGroup() && address.strip().equals(parsed.getAddress()))
					? new InternetAddress(parsed.getAddress()) : null;
		}
		catch (AddressException ex) {
			return null;
		}
	}

	private Instant retryAt(QueuedEmail email) {
		Duration wait = this.properties.initialBackoff().multipliedBy(1L << Math.min(email.attempts(), 20));
		Instant next = Instant.now()
			.plus(wait.compareTo(this.properties.maxBackoff()) > 0 ? this.properties.maxBackoff() : wait);
		return next.isAfter(email.createdAt().plus(this.properties.giveUpAfter())) ? null : next;
	}

}
