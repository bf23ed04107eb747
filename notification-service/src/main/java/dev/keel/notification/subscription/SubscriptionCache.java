package dev.keel.notification.subscription;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.keel.support.events.FollowedCopy;

/**
 * This instance's copy of the subscriptions of each collection, so that a document event
 * does not read them from the store (a scan: the store indexes only {@code _id}). A
 * collection's subscriptions are forgotten when any instance changes one of them: at once
 * on the instance that wrote it, and on the others when its record on the changes topic
 * arrives ({@link SubscriptionChanges}), milliseconds later. Entries also expire after a
 * short while, in case a change is missed (Kafka down).
 * <p>
 * The copy is only used while this instance is known to receive every change: before its
 * consumer is positioned on the changes topic, and after it lost its partition, every
 * lookup goes to the store. It holds at most {@value #MAXIMUM_COLLECTIONS} collections,
 * and each user has at most {@link Subscriptions#MAX_PER_USER} subscriptions, so no
 * client can make it grow without bound; it is keyed by collection and every entry
 * carries its subscriber, so nothing in it is shared between users.
 */
class SubscriptionCache extends FollowedCopy<List<Subscription>> {

	/** Forgets every collection (a subscriber's roles changed in all of theirs). */
	static final String ALL = "*";

	private static final int MAXIMUM_COLLECTIONS = 10_000;

	SubscriptionCache(Duration timeToLive) {
		super(MAXIMUM_COLLECTIONS, timeToLive);
	}

	/**
	 * The subscriptions of a collection, from this instance's copy or else from the
	 * store.
	 * @param collection a collection name
	 * @param store reads the subscriptions from the store
	 * @return the subscriptions, oldest first
	 */
	List<Subscription> ofCollection(String collection, Function<String, List<Subscription>> store) {
		List<Subscription> found = get(collection, (key) -> List.copyOf(store.apply(key)));
		return (found != null) ? found : List.of();
	}

	/**
	 * Forgets the subscriptions of a collection that changed, here or on another
	 * instance.
	 * @param collection the collection, or {@value #ALL}
	 */
	void changed(String collection) {
		if (ALL.equals(collection)) {
			forgetAll();
		}
		else {
			forget(collection);
		}
	}

}
