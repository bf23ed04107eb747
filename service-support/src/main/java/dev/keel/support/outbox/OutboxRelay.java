package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;

import dev.keel.support.outbox.DocumentDrainer.Drain;
import dev.keel.support.outbox.DocumentDrainer.Outcome;

/**
 * Publishes the entries waiting in the outboxes of the collections it knows
 * ({@link OutboxCollections}), on one virtual thread that never holds up the service's
 * writes.
 * <p>
 * A write hands the relay the document it changed ({@link #wakeUp(String, Object)}), and
 * the next round claims those documents by id, a batch with one update, and drains them
 * concurrently, each in its own order: nothing is searched for. A scan of every known
 * collection, oldest entry first, is the safety net for entries written by other
 * instances, before a crash or without a hint: it runs on {@link #wakeUp()}, when the
 * relay is idle for the poll interval, and every {@value WakeUps#BUSY_SCAN_FACTOR} poll
 * intervals while writes keep it busy. A claim is a lease in the document itself, so
 * several instances of a service share the work without publishing the same entries at
 * once. When Kafka is unavailable, the entries stay where they are and the relay pauses
 * with a capped exponential backoff; an entry Kafka refuses (too large, say) holds up
 * only its own document, which is retried after the longest pause. Otherwise the relay
 * sleeps until {@link #wakeUp()} or the poll interval.
 * <p>
 * It stops after the web server (a lower lifecycle phase), so events of the last requests
 * still go out; whatever is left waits for the next start or another instance.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

	/** Stops after the web server's graceful shutdown, starts before it. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** How many batches one scan for pending documents finds at most. */
	static final int SCAN_BATCHES = 10;

	private final OutboxCollections collections;

	private final OutboxPublisher publisher;

	private final DocumentDrainer drainer;

	private final OutboxProperties properties;

	private final String owner = UUID.randomUUID().toString();

	private final WakeUps wakeUps;

	private volatile boolean running;

	private volatile boolean stopped;

	private volatile CountDownLatch stopRequested = new CountDownLatch(0);

	private Thread loop;

	OutboxRelay(MongoOperations mongo, OutboxPublisher publisher, OutboxMetrics metrics, OutboxProperties properties) {
		this.collections = new OutboxCollections(mongo, properties.collections(), properties.scanInterval());
		this.publisher = publisher;
		this.drainer = new DocumentDrainer(publisher, metrics, this.owner, properties);
		this.properties = properties;
		this.wakeUps = new WakeUps(properties.pollInterval());
	}

	/**
	 * Asks for a round now instead of at the next poll. Call it after a write that added
	 * entries, so they are published within milliseconds. Cheap, never blocks, and
	 * ignored while Kafka is failing, so that writes do not defeat the backoff.
	 */
	public void wakeUp() {
		this.wakeUps.wakeUp();
	}

	/**
	 * Asks for the entries just written to one document to be published now: the relay
	 * claims that document by id, without searching the collection for pending entries.
	 * Call it after the write has succeeded. Cheap, never blocks; the periodic scan still
	 * finds whatever a hint does not bring out (a full queue, a crash).
	 * @param collection the collection of the document
	 * @param id the document's {@code _id}
	 */
	public void wakeUp(String collection, Object id) {
		this.wakeUps.wakeUp(collection, id);
	}

	/**
	 * Watches the collection from now on: called by {@link Outbox} for every write with
	 * entries. Starts the relay if nothing else did (a service with no fixed
	 * collections), unless it was stopped.
	 */
	void register(String collection) {
		this.collections.register(collection);
		if (!this.running && !this.stopped && this.properties.enabled()) {
			start();
		}
	}

	/** Creates the relay's index on a collection created at run time, and watches it. */
	void prepare(String collection) {
		this.collections.get(collection).createIndexOnce();
		register(collection);
	}

	@Override
	public synchronized void start() {
		if (this.running || !isAutoStartup()) {
			return;
		}
		// Before the first write can arrive: the embedded store does not guard index
		// creation against concurrent inserts.
		this.properties.collections().forEach((name) -> this.collections.get(name).createIndexOnce());
		this.collections.scanSoon();
		this.running = true;
		this.stopped = false;
		this.stopRequested = new CountDownLatch(1);
		this.loop = Thread.ofVirtual().name("keel-outbox-relay").start(this::run);
		log.info("Outbox relay {} watching {}, collections written to and what the database holds", this.owner,
				this.properties.collections());
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.stopped = true;
		this.stopRequested.countDown();
		this.wakeUps.release();
		try {
			if (!this.loop.join(this.properties.sendTimeout().multipliedBy(3))) {
				log.warn("Outbox relay did not finish its round in time; its entries stay for the next start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether there is anything to do: the relay is enabled and has collections, fixed or
	 * registered by a write. Also checked by {@link #start()}, so that an explicit
	 * context start leaves a disabled relay alone.
	 */
	@Override
	public boolean isAutoStartup() {
		return this.properties.enabled() && !this.collections.isEmpty();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		this.stopped = true;
		this.publisher.close();
	}

	private void run() {
		Backoff backoff = new Backoff(this.properties.initialBackoff(), this.properties.maxBackoff());
		while (this.running) {
			boolean scan = this.wakeUps.scanDue();
			RelayRound round = relayHinted();
			if (scan) {
				round = round.and(relayOnce());
			}
			if (round.failed()) {
				// The ids handed over are spent: whatever stayed behind is for the scan.
				this.wakeUps.requestScan();
				pause(backoff.next());
			}
			else {
				backoff.reset();
				if (!round.full() && !this.wakeUps.hasHints()) {
					awaitNudge();
				}
			}
		}
	}

	/** Claims and drains the documents written here since the last round, by id. */
	private RelayRound relayHinted() {
		RelayRound round = RelayRound.IDLE;
		int batchSize = this.properties.batchSize();
		Map<String, List<Object>> written = this.wakeUps.take(batchSize * SCAN_BATCHES);
		for (Map.Entry<String, List<Object>> collection : written.entrySet()) {
			try {
				round = round.and(drainAll(this.collections.get(collection.getKey()), collection.getValue(), false));
			}
			catch (DataAccessException ex) {
				log.warn("Could not claim the outbox of documents in {}: {}", collection.getKey(), ex.getMessage());
				round = round.and(RelayRound.STORE_FAILED);
			}
			catch (RuntimeException ex) {
				log.error("Outbox round for documents written to {} failed", collection.getKey(), ex);
				round = round.and(RelayRound.STORE_FAILED);
			}
		}
		return round;
	}

	private RelayRound relayOnce() {
		RelayRound round = RelayRound.IDLE;
		for (OutboxCollection collection : this.collections.current()) {
			try {
				collection.createIndexOnce();
				round = round.and(relay(collection));
			}
			catch (DataAccessException ex) {
				log.warn("Could not read the outbox of {}: {}", collection.name(), ex.getMessage());
				round = round.and(RelayRound.STORE_FAILED);
			}
			catch (RuntimeException ex) {
				log.error("Outbox round for {} failed", collection.name(), ex);
				round = round.and(RelayRound.STORE_FAILED);
			}
		}
		return round;
	}

	/**
	 * Finds up to {@value #SCAN_BATCHES} batches of pending documents with one query and
	 * drains them a batch at a time. Scanning for more than one batch matters on the
	 * embedded store, which has no index to find pending documents with: a backlog of
	 * thousands then costs a few scans of the collection, not one per hundred documents.
	 */
	private RelayRound relay(OutboxCollection collection) {
		int limit = this.properties.batchSize() * SCAN_BATCHES;
		List<Object> candidates = collection.claimable(Instant.now(), limit);
		return drainAll(collection, candidates, candidates.size() == limit);
	}

	/** Claims and drains documents a batch at a time, until Kafka is found away. */
	private RelayRound drainAll(OutboxCollection collection, List<Object> ids, boolean full) {
		int batchSize = this.properties.batchSize();
		List<Outcome> outcomes = new ArrayList<>();
		for (int from = 0; from < ids.size() && this.running; from += batchSize) {
			List<Outcome> batch = drain(collection, ids.subList(from, Math.min(from + batchSize, ids.size())));
			outcomes.addAll(batch);
			if (batch.contains(Outcome.KAFKA_UNAVAILABLE)) {
				break;
			}
		}
		return new RelayRound(full, outcomes.stream().anyMatch(Outcome::published),
				outcomes.contains(Outcome.KAFKA_UNAVAILABLE), false);
	}

	/**
	 * Claims a batch with one update, publishes each document's entries concurrently
	 * (each in its own order), and releases the batch with one update.
	 */
	private List<Outcome> drain(OutboxCollection collection, List<Object> ids) {
		List<PendingDocument> claimed = collection.claim(ids, this.owner, Instant.now(), this.properties.lease());
		if (claimed.isEmpty()) {
			return List.of();
		}
		List<Future<Drain>> drains = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (PendingDocument document : claimed) {
				drains.add(executor.submit(() -> this.drainer.drain(collection, document)));
			}
		}
		List<Drain> drained = drains.stream().map(Future::resultNow).toList();
		this.drainer.release(collection, drained);
		if (drained.stream().anyMatch((drain) -> drain.outcome() != Outcome.DRAINED)) {
			// Entries left behind (refused, a lease running out) are for the scan.
			this.wakeUps.requestScan();
		}
		return drained.stream().map(Drain::outcome).toList();
	}

	private void awaitNudge() {
		try {
			this.wakeUps.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void pause(Duration duration) {
		try {
			this.stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
			this.wakeUps.forgetNudges();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
