package dev.keel.data.collection;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.keel.support.events.ChangesPosition;

/**
 * This instance's copy of the collection definitions that requests use, so that a
 * document request does not read its definition from the store every time. A definition
 * is forgotten when any instance changes it: at once on the instance that wrote it, and
 * on the others when its {@code keel.collection.*} event arrives
 * ({@link CollectionChanges}), tens of milliseconds later. Entries also expire after a
 * while, in case an event is missed (Kafka down, this instance's consumer between
 * assignments).
 * <p>
 * The copy is only used while this instance is known to receive every change: before its
 * consumer is positioned on the topic, and after it lost its partitions, every lookup
 * goes to the store.
 */
class Definitions implements ChangesPosition.Copy {

	private static final int MAXIMUM_DEFINITIONS = 10_000;

	private final Cache<String, CollectionDefinition> cached;

	// Counts changes, so that a definition read before a change is never cached after it.
	private final AtomicLong changes = new AtomicLong();

	private volatile boolean listening;

	Definitions(Duration timeToLive) {
		this.cached = Caffeine.newBuilder().maximumSize(MAXIMUM_DEFINITIONS).expireAfterWrite(timeToLive).build();
	}

	/**
	 * The definition of a name, from this instance's copy or else from the store.
	 * @param name a valid collection name
	 * @param store reads the definition from the store
	 * @return the active definition, or empty
	 */
	Optional<CollectionDefinition> find(String name, Function<String, Optional<CollectionDefinition>> store) {
		if (!this.listening) {
			return store.apply(name);
		}
		CollectionDefinition known = this.cached.getIfPresent(name);
		if (known != null) {
			return Optional.of(known);
		}
		long seen = this.changes.get();
		Optional<CollectionDefinition> found = store.apply(name);
		found.ifPresent((definition) -> this.cached.asMap()
			.compute(name, (key, current) -> (this.changes.get() == seen && this.listening) ? definition : current));
		return found;
	}

	/** Forgets a definition that changed, here or on another instance. */
	void changed(String name) {
		this.changes.incrementAndGet();
		this.cached.invalidate(name);
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

	/** Whether this instance holds a copy of the definition (for tests). */
	boolean holds(String name) {
		return this.cached.getIfPresent(name) != null;
	}

}
