package dev.keel.notification.email;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.IntegrationEvent;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.OtpRequested;
import dev.keel.events.auth.PasswordChanged;
import dev.keel.events.auth.PasswordResetRequested;
import dev.keel.support.events.KeelEventsAutoConfiguration;

/**
 * Queues the security emails that auth-service's events ask for: email verification,
 * password reset, password changed and passwordless sign-in codes. Idempotent by event
 * id: a redelivered event finds its email queued already. A record that is not an event
 * this version knows never gets here: it goes to the dead-letter topic (see the config
 * package).
 */
@Component
class AuthEmails {

	private static final Logger log = LoggerFactory.getLogger(AuthEmails.class);

	private final EmailQueue queue;

	private final EmailSender sender;

	AuthEmails(EmailQueue queue, EmailSender sender) {
		this.queue = queue;
		this.sender = sender;
	}

	@KafkaListener(id = "auth-emails", idIsGroup = false,
			topics = "${keel.notification.auth-events-topic:keel.auth.events}",
			containerFactory = KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY)
	void on(IntegrationEvent event) {
		switch (event) {
			case EmailVerificationRequested requested -> on(requested);
			case PasswordResetRequested requested -> on(requested);
			case PasswordChanged changed -> on(changed);
			case OtpRequested requested -> on(requested);
			default -> {
			}
		}
	}

	void on(EmailVerificationRequested event) {
		queue(email(event.eventId(), EmailKind.VERIFICATION, event.userId(), event.email(), event.displayName(),
				event.token(), event.expiresAt()));
	}

	void on(PasswordResetRequested event) {
		queue(email(event.eventId(), EmailKind.PASSWORD_RESET, event.userId(), event.email(), event.displayName(),
				event.token(), event.expiresAt()));
	}

	/**
	 * The email shows the code and, when the app asked for one (the event has a token), a
	 * link to the sign-in page.
	 */
	void on(OtpRequested event) {
		queue(new QueuedEmail(QueuedEmail.idOf(event.eventId(), EmailKind.SIGN_IN_CODE), EmailKind.SIGN_IN_CODE,
				event.userId(), event.email(), event.displayName(), event.token(), event.code(), event.expiresAt(), 0,
				Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null));
	}

	void on(PasswordChanged event) {
		queue(email(event.eventId(), EmailKind.PASSWORD_CHANGED, event.userId(), event.email(), event.displayName(),
				null, null));
	}

	private void queue(QueuedEmail email) {
		if (this.queue.enqueue(email)) {
			this.sender.wakeUp();
		}
		else {
			log.debug("Email {} is queued already: its event was handled before", email.id());
		}
	}

	private static QueuedEmail email(String eventId, EmailKind kind, String userId, String to, String name,
			String token, Instant expiresAt) {
		return new QueuedEmail(QueuedEmail.idOf(eventId, kind), kind, userId, to, name, token, null, expiresAt, 0,
				Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null);
	}

}
