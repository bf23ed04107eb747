package dev.keel.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Publishes the entries waiting in the outboxes of the collections it knows
 * ({@link OutboxCollections}), on two virtual threads that never hold up the service's
 * writes.
 * <p>
 * A write hands the relay the document it changed ({@link #wakeUp(String, Object)}), and
 * the {@link HintLoop} claims those documents by id, a batch with one update, and drains
 * them concurrently, each in its own order: nothing is searched for. A scan of every
 * known collection, oldest entry first, is the safety net for entries written by other
 * instances, before a crash or without a hint: the {@link ScanLoop} runs it on
 * {@link #wakeUp()}, when no write came for the poll interval, and every
 * {@value WakeUps#BUSY_SCAN_FACTOR} poll intervals while writes keep coming, on its own
 * thread, so a write's events never wait behind a scan. A document is drained by one loop
 * at a time ({@link DocumentsInFlight}), and a claim is a lease in the document itself,
 * so several instances of a service share the work without publishing the same entries at
 * once. When Kafka is unavailable, the entries stay where they are and the relay pauses
 * with a capped exponential backoff; an entry Kafka refuses (too large, say) holds up
 * only its own document, which is retried after the longest pause. Otherwise each loop
 * sleeps until it is woken or the poll interval has passed.
 * <p>
 * It stops after the web server (a lower lifecycle phase), so events of the last requests
 * still go out; whatever is left waits for the next start or another instance.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

	/** Stops after the web server's graceful shutdown, starts before it. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxCollections collections;

	private final OutboxPublisher publisher;

	private final BatchDrain batches;

	private final OutboxProperties properties;

	private final String owner = UUID.randomUUID().toString();

	private final WakeUps wakeUps;

	private volatile boolean running;

	private volatile boolean stopped;

	private final List<RelayLoop> loops = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	OutboxRelay(MongoOperations mongo, OutboxPublisher publisher, OutboxMetrics metrics, OutboxProperties properties) {
		this.collections = new OutboxCollections(mongo, properties.collections(), properties.scanInterval());
		this.publisher = publisher;
		this.properties = properties;
		this.wakeUps = new WakeUps(properties.pollInterval());
		this.batches = new BatchDrain(new DocumentDrainer(publisher, metrics, this.owner, properties), this.wakeUps,
				this.owner, properties, this::isRunning);
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
		this.loops.add(new HintLoop(this.collections, this.wakeUps, this.batches, this.properties));
		this.loops.add(new ScanLoop(this.collections, this.wakeUps, this.batches, this.properties));
		this.threads.add(Thread.ofVirtual().name("keel-outbox-relay").start(this.loops.get(0)));
		this.threads.add(Thread.ofVirtual().name("keel-outbox-scan").start(this.loops.get(1)));
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
		this.loops.forEach(RelayLoop::stop);
		this.wakeUps.release();
		long deadline = System.nanoTime() + this.properties.sendTimeout().multipliedBy(3).toNanos();
		try {
			for (Thread thread : this.threads) {
				if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
					log.warn("Outbox relay did not finish its round in time; its entries stay for the next start");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.loops.clear();
		this.threads.clear();
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

}
