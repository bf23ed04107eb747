package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The collections a relay watches, learnt without asking the service: the fixed ones of
 * {@code keel.outbox.collections}, every collection a write of this instance attached
 * entries to, and what a scan of the database's collection names finds to hold outboxes.
 * The scan runs when the relay starts, so entries written before a crash or a restart are
 * found, and then every {@code scan-interval}, so that collections other instances
 * created are relayed here too and dropped ones are forgotten.
 */
final class OutboxCollections {

	private static final Logger log = LoggerFactory.getLogger(OutboxCollections.class);

	private final MongoOperations mongo;

	private final Set<String> fixed;

	private final Duration scanInterval;

	private final Map<String, OutboxCollection> known = new ConcurrentHashMap<>();

	private volatile Instant lastScan;

	OutboxCollections(MongoOperations mongo, List<String> fixed, Duration scanInterval) {
		this.mongo = mongo;
		this.fixed = Set.copyOf(fixed);
		this.scanInterval = scanInterval;
		fixed.forEach(this::get);
	}

	/** The collection of this name, watched from now on. */
	OutboxCollection get(String name) {
		return this.known.computeIfAbsent(name, (key) -> new OutboxCollection(this.mongo, key));
	}

	/** Notes that a write just attached entries to the collection. */
	void register(String name) {
		get(name).touch(Instant.now());
	}

	/** Whether any collection is known at all. */
	boolean isEmpty() {
		return this.known.isEmpty();
	}

	/** Makes the next {@link #current()} scan the database first. */
	void scanSoon() {
		this.lastScan = null;
	}

	/**
	 * The collections to relay this round, after a scan if one is due. A scan that fails
	 * (the database away) is tried again next round; the known collections are relayed
	 * meanwhile.
	 */
	List<OutboxCollection> current() {
		Instant now = Instant.now();
		if (this.lastScan == null || this.lastScan.plus(this.scanInterval).isBefore(now)) {
			try {
				scan(now);
				this.lastScan = now;
			}
			catch (RuntimeException ex) {
				log.warn("Could not scan the database for outboxes: {}", ex.getMessage());
			}
		}
		return List.copyOf(this.known.values());
	}

	/**
	 * Adds the collections that hold outboxes, and forgets those that no longer exist and
	 * that no write registered since the last scan (a write may register a collection
	 * just before its insert creates it).
	 */
	private void scan(Instant now) {
		Set<String> existing = new HashSet<>(this.mongo.getCollectionNames());
		for (String name : existing) {
			if (this.known.containsKey(name) || name.startsWith("system.")) {
				continue;
			}
			OutboxCollection candidate = new OutboxCollection(this.mongo, name);
			if (candidate.holdsOutboxes() && this.known.putIfAbsent(name, candidate) == null) {
				log.info("Relaying the outboxes of {} too", name);
			}
		}
		Instant quiet = now.minus(this.scanInterval);
		this.known.values()
			.removeIf((collection) -> !this.fixed.contains(collection.name()) && !existing.contains(collection.name())
					&& collection.untouchedSince(quiet));
	}

}
