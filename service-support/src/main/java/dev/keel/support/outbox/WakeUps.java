package dev.keel.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What wakes the relay and what it does then: the documents writes handed over, to claim
 * by id, and whether a round must also scan the collections. A round scans when someone
 * asked for it ({@link #wakeUp()}, a failed round, entries left behind), when it was
 * woken by the poll interval rather than by a write, and every {@value #BUSY_SCAN_FACTOR}
 * poll intervals while writes keep the relay busy, so that entries nobody handed over
 * (another instance's, a crashed one's, a dropped hint's) wait a bounded time while the
 * scan, which holds up the round, is not added to every write's latency.
 */
final class WakeUps {

	/**
	 * How many written documents wait to be claimed by id at most; beyond that (Kafka
	 * away during a burst of writes) they are left to the scan.
	 */
	static final int HINT_CAPACITY = 10_000;

	/** While writes keep the relay busy, it scans every this many poll intervals. */
	static final int BUSY_SCAN_FACTOR = 10;

	private final Semaphore nudges = new Semaphore(0);

	private final PendingHints hints = new PendingHints(HINT_CAPACITY);

	private final AtomicBoolean scanRequested = new AtomicBoolean(true);

	private final Duration pollInterval;

	private long lastScanNanos = System.nanoTime();

	WakeUps(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/** Asks for a round that scans. */
	void wakeUp() {
		requestScan();
		nudge();
	}

	/** Asks for a round that claims the document; a scan if the queue is full. */
	void wakeUp(String collection, Object id) {
		if (this.hints.offer(collection, id)) {
			nudge();
		}
		else {
			wakeUp();
		}
	}

	/** Makes the next round scan, without waking the relay. */
	void requestScan() {
		this.scanRequested.set(true);
	}

	/** Ends any wait at once, for stopping. */
	void release() {
		this.nudges.release();
	}

	boolean hasHints() {
		return !this.hints.isEmpty();
	}

	/** Up to {@code limit} handed-over documents, by collection. */
	Map<String, List<Object>> take(int limit) {
		return this.hints.take(limit);
	}

	/**
	 * Whether the round about to start scans; decided before it takes any hints, so that
	 * a round woken by a write does not count as a quiet one.
	 */
	boolean scanDue() {
		long now = System.nanoTime();
		boolean requested = this.scanRequested.getAndSet(false);
		boolean quiet = this.hints.isEmpty();
		boolean overdue = now - this.lastScanNanos >= this.pollInterval.toNanos() * BUSY_SCAN_FACTOR;
		if (requested || quiet || overdue) {
			this.lastScanNanos = now;
			return true;
		}
		return false;
	}

	/** Waits for a wake-up, at most the poll interval. */
	void await() throws InterruptedException {
		this.nudges.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		this.nudges.drainPermits();
	}

	/**
	 * Forgets the wake-ups that came during a backoff pause, so writes do not defeat it.
	 */
	void forgetNudges() {
		this.nudges.drainPermits();
	}

	private void nudge() {
		if (this.nudges.availablePermits() == 0) {
			this.nudges.release();
		}
	}

}
