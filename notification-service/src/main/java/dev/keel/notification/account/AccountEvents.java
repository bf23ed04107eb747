package dev.keel.notification.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.IntegrationEvent;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.UserDisabled;
import dev.keel.events.auth.UserEnabled;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.auth.UserRolesChanged;
import dev.keel.support.events.KeelEventsAutoConfiguration;

/**
 * Keeps the accounts in step with auth-service's events, in a consumer group of its own
 * ({@code <group>.accounts}), which reads {@code keel.auth.events} from its beginning
 * when it is new, so the accounts are rebuilt from the topic's history. Idempotent: each
 * event sets values, and a user's events come in the order they happened, so a user
 * disabled and enabled again ends enabled. A disabled account is announced in-process
 * once stored; if announcing fails (the stream topic unreachable), the event fails and is
 * tried again. A record that is not an event this version knows never gets here: it goes
 * to the dead-letter topic (see the config package).
 */
@Component
class AccountEvents {

	private static final Logger log = LoggerFactory.getLogger(AccountEvents.class);

	private final AccountStore store;

	private final ApplicationEventPublisher events;

	AccountEvents(AccountStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	@KafkaListener(id = "accounts", groupId = "${spring.kafka.consumer.group-id}.accounts",
			topics = "${keel.notification.auth-events-topic:keel.auth.events}",
			containerFactory = KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY)
	void on(IntegrationEvent event) {
		switch (event) {
			case UserRegistered registered -> on(registered);
			case EmailVerified verified -> on(verified);
			case UserRolesChanged changed -> on(changed);
			case UserDisabled disabled -> on(disabled);
			case UserEnabled enabled -> on(enabled);
			default -> {
			}
		}
	}

	void on(UserRegistered event) {
		this.store.registered(event.userId(), event.email(), event.occurredAt());
	}

	void on(EmailVerified event) {
		this.store.verified(event.userId(), event.email(), event.occurredAt());
	}

	void on(UserRolesChanged event) {
		this.store.rolesChanged(event.userId(), event.roles(), event.occurredAt());
		log.info("Roles of user {} are now {}", event.userId(), event.roles());
	}

	void on(UserDisabled event) {
		this.store.disabled(event.userId(), event.occurredAt());
		this.events.publishEvent(new AccountDisabled(event.userId()));
		log.info("User {} was disabled: no more notifications, streams closed", event.userId());
	}

	void on(UserEnabled event) {
		this.store.enabled(event.userId(), event.occurredAt());
		log.info("User {} was enabled again: notifications and streams resume", event.userId());
	}

}
