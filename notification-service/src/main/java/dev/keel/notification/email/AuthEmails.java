package dev.keel.notification.email;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.EventEnvelope;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.PasswordChanged;
import dev.keel.events.auth.PasswordResetRequested;
import dev.keel.support.outbox.CloudEventJson;

/**
 * Queues the security emails that auth-service's events ask for: email verification,
 * password reset and password changed. Idempotent by event id: a redelivered event finds
 * its email queued already. An event that cannot be read fails the listener and ends on
 * the dead-letter topic (see the config package).
 */
@Component
class AuthEmails {

	private static final Logger log = LoggerFactory.getLogger(AuthEmails.class);

	private final CloudEventJson json = new CloudEventJson();

	private final EmailQueue queue;

	private final EmailSender sender;

	AuthEmails(EmailQueue queue, EmailSender sender) {
		this.queue = queue;
		this.sender = sender;
	}

	@KafkaListener(id = "auth-emails", idIsGroup = false,
			topics = "${keel.notification.auth-events-topic:keel.auth.events}")
	void on(String record) {
		EventEnvelope<?> envelope = this.json.read(record)
			.orElseThrow(() -> new IllegalArgumentException("Not a Keel event: " + abbreviate(record)));
		QueuedEmail email = switch (envelope.data()) {
			case EmailVerificationRequested event -> email(event.eventId(), EmailKind.VERIFICATION, event.userId(),
					event.email(), event.displayName(), event.token(), event.expiresAt());
			case PasswordResetRequested event -> email(event.eventId(), EmailKind.PASSWORD_RESET, event.userId(),
					event.email(), event.displayName(), event.token(), event.expiresAt());
			case PasswordChanged event -> email(event.eventId(), EmailKind.PASSWORD_CHANGED, event.userId(),
					event.email(), event.displayName(), null, null);
			default -> null;
		};
		if (email == null) {
			return;
		}
		if (this.queue.enqueue(email)) {
			this.sender.wakeUp();
		}
		else {
			log.debug("Event {} was handled before; its email is queued already", envelope.id());
		}
	}

	private static QueuedEmail email(String eventId, EmailKind kind, String userId, String to, String name,
			String token, Instant expiresAt) {
		return new QueuedEmail(QueuedEmail.idOf(eventId, kind), kind, userId, to, name, token, expiresAt, 0,
				Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null);
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
