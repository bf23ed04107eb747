package dev.keel.data.collection;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import dev.keel.support.events.FollowedCopy;

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
class Definitions extends FollowedCopy<CollectionDefinition> {

	private static final int MAXIMUM_DEFINITIONS = 10_000;

	Definitions(Duration timeToLive) {
		super(MAXIMUM_DEFINITIONS, timeToLive);
	}

	/**
	 * The definition of a name, from this instance's copy or else from the store.
	 * @param name a valid collection name
	 * @param store reads the definition from the store
	 * @return the active definition, or empty
	 */
	Optional<CollectionDefinition> find(String name, Function<String, Optional<CollectionDefinition>> store) {
		return Optional.ofNullable(get(name, (key) -> store.apply(key).orElse(null)));
	}

	/** Forgets a definition that changed, here or on another instance. */
	void changed(String name) {
		forget(name);
	}

}
