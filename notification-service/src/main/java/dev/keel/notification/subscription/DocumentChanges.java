package dev.keel.notification.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.keel.events.IntegrationEvent;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentEvent;
import dev.keel.events.data.DocumentUpdated;
import dev.keel.notification.account.Account;
import dev.keel.notification.account.Accounts;
import dev.keel.notification.email.NotificationEmails;
import dev.keel.notification.inbox.Inbox;
import dev.keel.notification.inbox.NewNotification;
import dev.keel.notification.preference.Preferences;
import dev.keel.notification.preference.UserPreferences;
import dev.keel.support.access.AccessRule;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.events.KeelEventsAutoConfiguration;

/**
 * Turns document events into notifications for their subscribers, in a consumer group of
 * its own so that several instances share the partitions. Each recipient gets at most one
 * inbox item and one email per event, whatever the number of matching subscriptions and
 * however often Kafka delivers the event: both are stored under ids derived from the
 * event id.
 * <p>
 * Who may hear is decided per event from the accounts as they are now: a disabled user
 * hears nothing, roles auth-service announced replace those of the subscriber's last
 * token, and an email goes only to the address the user verified.
 * <p>
 * A record that is not an event this version knows never gets here: it goes to the
 * dead-letter topic (see the config package).
 */
@Component
class DocumentChanges {

	private static final Logger log = LoggerFactory.getLogger(DocumentChanges.class);

	static final String TYPE = "subscription";

	private final SubscriptionStore subscriptions;

	private final SubscriptionCache cache;

	private final Preferences preferences;

	private final Inbox inbox;

	private final NotificationEmails emails;

	private final Accounts accounts;

	DocumentChanges(SubscriptionStore subscriptions, SubscriptionCache cache, Preferences preferences, Inbox inbox,
			NotificationEmails emails, Accounts accounts) {
		this.subscriptions = subscriptions;
		this.cache = cache;
		this.preferences = preferences;
		this.inbox = inbox;
		this.emails = emails;
		this.accounts = accounts;
	}

	@KafkaListener(id = "subscriptions", groupId = "${spring.kafka.consumer.group-id}.subscriptions",
			topics = "${keel.notification.data-events-topic:keel.data.events}",
			containerFactory = KeelEventsAutoConfiguration.LISTENER_CONTAINER_FACTORY)
	void on(IntegrationEvent event) {
		if (event instanceof DocumentEvent document) {
			on(document);
		}
	}

	void on(DocumentEvent event) {
		String type = event.type();
		List<Subscription> matching = this.cache.ofCollection(event.collection(), this.subscriptions::ofCollection)
			.stream()
			.filter((subscription) -> subscription.matches(type, event.documentId()))
			.toList();
		if (matching.isEmpty()) {
			return;
		}
		Map<String, Account> accounts = this.accounts.of(matching.stream().map(Subscription::userId).toList());
		Map<String, Account> recipients = new LinkedHashMap<>();
		for (Subscription subscription : matching) {
			Account account = accounts.get(subscription.userId());
			if (mayHear(subscription, account, event)) {
				recipients.putIfAbsent(subscription.userId(), account);
			}
		}
		if (recipients.isEmpty()) {
			return;
		}
		Map<String, UserPreferences> wanted = this.preferences.of(recipients.keySet());
		recipients.values().forEach((account) -> notify(account, wanted.get(account.userId()), event, type));
	}

	private static boolean mayHear(Subscription subscription, Account account, DocumentEvent event) {
		CurrentCaller recipient = new CurrentCaller(subscription.userId(), account.rolesOr(subscription.roles()), null);
		return !account.disabled() && !subscription.userId().equals(event.actor())
				&& AccessRule.permits(event.readRule(), recipient, event.owner());
	}

	private void notify(Account recipient, UserPreferences wanted, DocumentEvent event, String type) {
		if (wanted.mutes(event.collection())) {
			return;
		}
		String action = type.substring(type.lastIndexOf('.') + 1);
		String title = "A document in " + event.collection() + " was " + action;
		String body = body(event, action);
		if (wanted.inApp()) {
			this.inbox.deliver(
					new NewNotification(event.eventId(), recipient.userId(), TYPE, title, body, data(event, type)));
		}
		if (wanted.email() && recipient.verifiedEmail() != null) {
			this.emails.queue(event.eventId(), recipient.userId(), recipient.verifiedEmail(), title, body);
		}
		log.debug("Notified {} of {} on {}", recipient.userId(), type, event.aggregateId());
	}

	private static String body(DocumentEvent event, String action) {
		List<String> fields = changedFields(event);
		String what = event.collection() + "/" + event.documentId() + " was " + action;
		return (action.equals("updated") && !fields.isEmpty()) ? what + "; changed: " + String.join(", ", fields) + "."
				: what + ".";
	}

	private static Map<String, Object> data(DocumentEvent event, String type) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("collection", event.collection());
		data.put("documentId", event.documentId());
		data.put("eventType", type);
		data.put("eventId", event.eventId());
		data.put("version", event.version());
		data.put("changedFields", changedFields(event));
		if (event.actor() != null) {
			data.put("actor", event.actor());
		}
		return data;
	}

	private static List<String> changedFields(DocumentEvent event) {
		return switch (event) {
			case DocumentCreated created -> created.changedFields();
			case DocumentUpdated updated -> updated.changedFields();
			case DocumentDeleted deleted -> List.of();
		};
	}

}
