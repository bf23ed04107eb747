package dev.keel.notification.subscription;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.Paging;

/** Creating, listing and removing a user's subscriptions. */
@Service
class Subscriptions {

	/** Enough for any app; a bound so one user cannot make every event expensive. */
	static final int MAX_PER_USER = 100;

	private static final SecureRandom random = new SecureRandom();

	private final SubscriptionStore store;

	private final SubscriptionChanges changes;

	Subscriptions(SubscriptionStore store, SubscriptionChanges changes) {
		this.store = store;
		this.changes = changes;
	}

	/** Whether an id is one that subscriptions are given. */
	static boolean isSubscriptionId(String id) {
		return id.startsWith("sub_");
	}

	/**
	 * Subscribes the caller.
	 * @return the new subscription, or empty if the caller has {@value #MAX_PER_USER}
	 * already
	 */
	Optional<Subscription> subscribe(CurrentCaller caller, SubscriptionRequest request) {
		if (this.store.count(caller.subject()) >= MAX_PER_USER) {
			return Optional.empty();
		}
		refreshSubscriber(caller);
		Subscription subscription = new Subscription(newId(), caller.subject(), request.watched(), request.documentId(),
				request.eventTypes(), caller.roles(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.store.insert(subscription);
		this.changes.changed(subscription.collection());
		return Optional.of(subscription);
	}

	/**
	 * One page of the caller's subscriptions, oldest first.
	 * @param after the id of the last subscription of the previous page, or {@code null}
	 * @param size the most subscriptions to return
	 * @return the page
	 */
	SubscriptionView.Page list(CurrentCaller caller, String after, int size) {
		refreshSubscriber(caller);
		List<Subscription> page = this.store.ofUser(caller.subject(), after, size + 1);
		String next = (page.size() > size) ? Paging.cursor(page.get(size - 1).id()) : null;
		return new SubscriptionView.Page(page.stream().limit(size).map(SubscriptionView::of).toList(), next);
	}

	/**
	 * Removes one of the caller's subscriptions.
	 * @return whether the caller had that subscription
	 */
	boolean unsubscribe(CurrentCaller caller, String id) {
		String collection = this.store.delete(caller.subject(), id);
		if (collection == null) {
			return false;
		}
		this.changes.changed(collection);
		return true;
	}

	private void refreshSubscriber(CurrentCaller caller) {
		if (this.store.refreshSubscriber(caller.subject(), List.copyOf(caller.roles()))) {
			this.changes.changed(SubscriptionCache.ALL);
		}
	}

	private static String newId() {
		byte[] bytes = new byte[15];
		random.nextBytes(bytes);
		// time first, so that ids sort in creation order
		return "sub_" + Long.toString(System.currentTimeMillis(), 36)
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
