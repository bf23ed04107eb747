package dev.keel.notification.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.EventEnvelope;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.UserDisabled;
import dev.keel.events.auth.UserEnabled;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.auth.UserRolesChanged;
import dev.keel.support.outbox.CloudEventJson;

/**
 * Keeps the accounts in step with auth-service's events, in a consumer group of its own
 * ({@code <group>.accounts}), which reads {@code keel.auth.events} from its beginning
 * when it is new, so the accounts are rebuilt from the topic's history. Idempotent: each
 * event sets values, and a user's events come in the order they happened, so a user
 * disabled and enabled again ends enabled. A disabled account is announced in-process
 * once stored; if announcing fails (the stream topic unreachable), the event fails and is
 * tried again.
 */
@Component
class AccountEvents {

	private static final Logger log = LoggerFactory.getLogger(AccountEvents.class);

	private final CloudEventJson json = new CloudEventJson();

	private final AccountStore store;

	private final ApplicationEventPublisher events;

	AccountEvents(AccountStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	@KafkaListener(id = "accounts", groupId = "${spring.kafka.consumer.group-id}.accounts",
			topics = "${keel.notification.auth-events-topic:keel.auth.events}")
	void on(String record) {
		EventEnvelope<?> envelope = this.json.read(record)
			.orElseThrow(() -> new IllegalArgumentException("Not a Keel event: " + abbreviate(record)));
		switch (envelope.data()) {
			case UserRegistered event -> this.store.registered(event.userId(), event.email(), event.occurredAt());
			case EmailVerified event -> this.store.verified(event.userId(), event.email(), event.occurredAt());
			case UserRolesChanged event -> {
				this.store.rolesChanged(event.userId(), event.roles(), event.occurredAt());
				log.info("Roles of user {} are now {}", event.userId(), event.roles());
			}
			case UserDisabled event -> {
				this.store.disabled(event.userId(), event.occurredAt());
				this.events.publishEvent(new AccountDisabled(event.userId()));
				log.info("User {} was disabled: no more notifications, streams closed", event.userId());
			}
			case UserEnabled event -> {
				this.store.enabled(event.userId(), event.occurredAt());
				log.info("User {} was enabled again: notifications and streams resume", event.userId());
			}
			default -> {
			}
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
