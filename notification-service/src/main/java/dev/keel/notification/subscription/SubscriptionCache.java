package dev.keel.notification.subscription;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.keel.support.events.ChangesPosition;

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
class SubscriptionCache implements ChangesPosition.Copy {

	/** Forgets every collection (a subscriber's roles changed in all of theirs). */
	static final String ALL = "*";

	private static final int MAXIMUM_COLLECTIONS = 10_000;

	private final Cache<String, List<Subscription>> cached;

	// Counts changes, so that subscriptions read before a change are never cached after
	// it.
	private final AtomicLong changes = new AtomicLong();

	private volatile boolean listening;

	SubscriptionCache(Duration timeToLive) {
		this.cached = Caffeine.newBuilder().maximumSize(MAXIMUM_COLLECTIONS).expireAfterWrite(timeToLive).build();
	}

	/**
	 * The subscriptions of a collection, from this instance's copy or else from the
	 * store.
	 * @param collection a collection name
	 * @param store reads the subscriptions from the store
	 * @return the subscriptions, oldest first
	 */
	List<Subscription> ofCollection(String collection, Function<String, List<Subscription>> store) {
		if (!this.listening) {
			return store.apply(collection);
		}
		List<Subscription> known = this.cached.getIfPresent(collection);
		if (known != null) {
			return known;
		}
		long seen = this.changes.get();
		List<Subscription> found = List.copyOf(store.apply(collection));
		this.cached.asMap()
			.compute(collection, (key, current) -> (this.changes.get() == seen && this.listening) ? found : current);
		return found;
	}

	/**
	 * Forgets the subscriptions of a collection that changed, here or on another
	 * instance.
	 * @param collection the collection, or {@value #ALL}
	 */
	void changed(String collection) {
		this.changes.incrementAndGet();
		if (ALL.equals(collection)) {
			this.cached.invalidateAll();
		}
		else {
			this.cached.invalidate(collection);
		}
	}

	/**
	 * Whether every change from now on reaches {@link #changed}; when it stops being so,
	 * everything is forgotten.
	 */
	@Override
	public void listening(boolean listening) {
		this.changes.incrementAndGet();
		this.listening = listening;
		if (!listening) {
			this.cached.invalidateAll();
		}
	}

	@Override
	public boolean isListening() {
		return this.listening;
	}

	/** Whether this instance holds a copy of a collection's subscriptions (for tests). */
	boolean holds(String collection) {
		return this.cached.getIfPresent(collection) != null;
	}

}
