package dev.keel.notification.subscription;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Paging;

/** Creating, listing and removing a user's subscriptions. */
@Service
class Subscriptions {

	/** Enough for any app; a bound so one user cannot make every event expensive. */
	static final int MAX_PER_USER = 100;

	private static final SecureRandom random = new SecureRandom();

	private final SubscriptionStore store;

	Subscriptions(SubscriptionStore store) {
		this.store = store;
	}

	Subscription subscribe(CurrentCaller caller, SubscriptionRequest request) {
		if (this.store.count(caller.subject()) >= MAX_PER_USER) {
			throw new KeelProblemException(HttpStatus.CONFLICT, "too_many_subscriptions",
					"You have " + MAX_PER_USER + " subscriptions already; remove one first.");
		}
		this.store.refreshSubscriber(caller.subject(), List.copyOf(caller.roles()));
		Subscription subscription = new Subscription(newId(), caller.subject(), request.collection(),
				request.documentId(), request.eventTypes(), caller.roles(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.store.insert(subscription);
		return subscription;
	}

	SubscriptionView.Page list(CurrentCaller caller, String limit, String cursor) {
		int size = Paging.limit(limit);
		String after = Paging.position(cursor);
		if (after != null && !after.startsWith("sub_")) {
			throw Paging.invalidCursor();
		}
		this.store.refreshSubscriber(caller.subject(), List.copyOf(caller.roles()));
		List<Subscription> page = this.store.ofUser(caller.subject(), after, size + 1);
		String next = (page.size() > size) ? Paging.cursor(page.get(size - 1).id()) : null;
		return new SubscriptionView.Page(page.stream().limit(size).map(SubscriptionView::of).toList(), next);
	}

	void unsubscribe(CurrentCaller caller, String id) {
		if (!this.store.delete(caller.subject(), id)) {
			throw KeelProblemException.notFound("subscription_not_found", "You have no subscription '" + id + "'.");
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
