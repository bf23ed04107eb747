package dev.keel.notification.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.keel.notification.account.Account;
import dev.keel.notification.account.Accounts;
import dev.keel.notification.email.NotificationEmails;
import dev.keel.notification.inbox.Inbox;
import dev.keel.notification.inbox.NewNotification;
import dev.keel.notification.preference.Preferences;
import dev.keel.notification.preference.UserPreferences;
import dev.keel.support.access.AccessRule;
import dev.keel.support.security.CurrentCaller;

/**
 * Tells the subscribers of a collection or a bucket about one change. Each recipient gets
 * at most one inbox item and one email per event, whatever the number of matching
 * subscriptions and however often Kafka delivers the event: both are stored under ids
 * derived from the event id.
 * <p>
 * Who may hear is decided per event from the accounts as they are now: a disabled user
 * hears nothing, roles auth-service announced replace those of the subscriber's last
 * token, the event's read rule must let the subscriber read the item, nobody hears of
 * their own change, and an email goes only to the address the user verified.
 */
@Component
class SubscriberNotices {

	private static final Logger log = LoggerFactory.getLogger(SubscriberNotices.class);

	static final String TYPE = "subscription";

	private final SubscriptionStore subscriptions;

	private final SubscriptionCache cache;

	private final Preferences preferences;

	private final Inbox inbox;

	private final NotificationEmails emails;

	private final Accounts accounts;

	SubscriberNotices(SubscriptionStore subscriptions, SubscriptionCache cache, Preferences preferences, Inbox inbox,
			NotificationEmails emails, Accounts accounts) {
		this.subscriptions = subscriptions;
		this.cache = cache;
		this.preferences = preferences;
		this.inbox = inbox;
		this.emails = emails;
		this.accounts = accounts;
	}

	void deliver(Change change) {
		List<Subscription> matching = this.cache.ofCollection(change.watched(), this.subscriptions::ofCollection)
			.stream()
			.filter((subscription) -> subscription.matches(change.type(), change.itemId()))
			.toList();
		if (matching.isEmpty()) {
			return;
		}
		Map<String, Account> accounts = this.accounts.of(matching.stream().map(Subscription::userId).toList());
		Map<String, Account> recipients = new LinkedHashMap<>();
		for (Subscription subscription : matching) {
			Account account = accounts.get(subscription.userId());
			if (mayHear(subscription, account, change)) {
				recipients.putIfAbsent(subscription.userId(), account);
			}
		}
		if (recipients.isEmpty()) {
			return;
		}
		Map<String, UserPreferences> wanted = this.preferences.of(recipients.keySet());
		recipients.values().forEach((account) -> notify(account, wanted.get(account.userId()), change));
	}

	private static boolean mayHear(Subscription subscription, Account account, Change change) {
		CurrentCaller recipient = new CurrentCaller(subscription.userId(), account.rolesOr(subscription.roles()), null);
		return !account.disabled() && !subscription.userId().equals(change.actor())
				&& AccessRule.permits(change.readRule(), recipient, change.owner());
	}

	private void notify(Account recipient, UserPreferences wanted, Change change) {
		if (wanted.mutes(change.watched())) {
			return;
		}
		if (wanted.inApp()) {
			this.inbox.deliver(new NewNotification(change.eventId(), recipient.userId(), TYPE, change.title(),
					change.body(), change.data()));
		}
		if (wanted.email() && recipient.verifiedEmail() != null) {
			this.emails.queue(change.eventId(), recipient.userId(), recipient.verifiedEmail(), change.title(),
					change.body());
		}
		log.debug("Notified {} of {} on {}/{}", recipient.userId(), change.type(), change.watched(), change.itemId());
	}

	/**
	 * One change, as its subscribers hear of it.
	 *
	 * @param eventId the event's id
	 * @param watched what subscriptions name: a collection, or a bucket's
	 * {@link Subscription#bucketKey key}
	 * @param type the event type
	 * @param itemId the document or file
	 * @param actor who made the change, or {@code null}
	 * @param readRule the read rule of the collection or bucket at the time
	 * @param owner the item's owner, for the {@code owner} rule
	 * @param title the notification's title
	 * @param body its text
	 * @param data its data
	 */
	record Change(String eventId, String watched, String type, String itemId, @Nullable String actor, String readRule,
			@Nullable String owner, String title, String body, Map<String, Object> data) {

	}

}
