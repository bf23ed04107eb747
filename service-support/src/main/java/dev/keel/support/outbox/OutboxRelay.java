package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;

import dev.keel.support.outbox.DocumentDrainer.Outcome;

/**
 * Publishes the entries waiting in the outboxes of the collections it knows
 * ({@link OutboxCollections}), on one virtual thread that never holds up the service's
 * writes.
 * <p>
 * Each round finds up to {@code batch-size} documents per collection with one query,
 * oldest entry first, claims them one by one by id and drains them concurrently, each in
 * its own order. A claim is a lease in the document itself, so several instances of a
 * service share the work without publishing the same entries at once. When Kafka is
 * unavailable, the entries stay where they are and the relay pauses with a capped
 * exponential backoff; an entry Kafka refuses (too large, say) holds up only its own
 * document, which is retried after the longest pause. Otherwise the relay sleeps until
 * {@link #wakeUp()} or the poll interval.
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

	private final Semaphore nudges = new Semaphore(0);

	private volatile boolean running;

	private volatile boolean stopped;

	private volatile CountDownLatch stopRequested = new CountDownLatch(0);

	private Thread loop;

	OutboxRelay(MongoOperations mongo, OutboxPublisher publisher, OutboxMetrics metrics, OutboxProperties properties) {
		this.collections = new OutboxCollections(mongo, properties.collections(), properties.scanInterval());
		this.publisher = publisher;
		this.drainer = new DocumentDrainer(publisher, metrics, this.owner, properties);
		this.properties = properties;
	}

	/**
	 * Asks for a round now instead of at the next poll. Call it after a write that added
	 * entries, so they are published within milliseconds. Cheap, never blocks, and
	 * ignored while Kafka is failing, so that writes do not defeat the backoff.
	 */
	public void wakeUp() {
		if (this.nudges.availablePermits() == 0) {
			this.nudges.release();
		}
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
		this.nudges.release();
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
			RelayRound round = relayOnce();
			if (round.failed()) {
				pause(backoff.next());
			}
			else {
				backoff.reset();
				if (!round.full()) {
					awaitNudge();
				}
			}
		}
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
		int batchSize = this.properties.batchSize();
		List<Object> candidates = collection.claimable(Instant.now(), batchSize * SCAN_BATCHES);
		List<Outcome> outcomes = new ArrayList<>();
		for (int from = 0; from < candidates.size() && this.running; from += batchSize) {
			List<Outcome> batch = drain(collection,
					candidates.subList(from, Math.min(from + batchSize, candidates.size())));
			outcomes.addAll(batch);
			if (batch.contains(Outcome.KAFKA_UNAVAILABLE)) {
				break;
			}
		}
		return new RelayRound(candidates.size() == batchSize * SCAN_BATCHES,
				outcomes.stream().anyMatch(Outcome::published), outcomes.contains(Outcome.KAFKA_UNAVAILABLE), false);
	}

	private List<Outcome> drain(OutboxCollection collection, List<Object> ids) {
		List<Future<Outcome>> drains = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Object id : ids) {
				PendingDocument claimed = collection.claim(id, this.owner, Instant.now(), this.properties.lease());
				if (claimed != null) {
					drains.add(executor.submit(() -> this.drainer.drain(collection, claimed)));
				}
			}
		}
		return drains.stream().map(Future::resultNow).toList();
	}

	private void awaitNudge() {
		try {
			this.nudges.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
			this.nudges.drainPermits();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void pause(Duration duration) {
		try {
			this.stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
			this.nudges.drainPermits();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
