package dev.keel.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What wakes the relay's two loops: the documents writes handed over, for the loop that
 * claims them by id ({@link HintLoop}), and when the loop that scans the collections
 * ({@link ScanLoop}) is to scan. It scans when someone asked for it ({@link #wakeUp()}, a
 * failed round, entries left behind), when no write handed over a document for a poll
 * interval, and every {@value #BUSY_SCAN_FACTOR} poll intervals while writes keep coming,
 * so that entries nobody handed over (another instance's, a crashed one's, a dropped
 * hint's) wait a bounded time, while a scan of the embedded store, which reads the whole
 * collection, does not run after every write.
 */
final class WakeUps {

	/**
	 * How many written documents wait to be claimed by id at most; beyond that (Kafka
	 * away during a burst of writes) they are left to the scan.
	 */
	static final int HINT_CAPACITY = 10_000;

	/** While writes keep the relay busy, it scans every this many poll intervals. */
	static final int BUSY_SCAN_FACTOR = 10;

	private final Nudges writes;

	private final Nudges scans;

	private final AtomicBoolean handedOver = new AtomicBoolean();

	private final PendingHints hints = new PendingHints(HINT_CAPACITY);

	private final AtomicBoolean scanRequested = new AtomicBoolean(true);

	private final Duration pollInterval;

	private long lastScanNanos = System.nanoTime();

	WakeUps(Duration pollInterval) {
		this.pollInterval = pollInterval;
		this.writes = new Nudges(pollInterval);
		this.scans = new Nudges(pollInterval);
	}

	/** The wake-ups of the loop that claims the documents writes handed over. */
	Nudges writes() {
		return this.writes;
	}

	/** The wake-ups of the loop that scans. */
	Nudges scans() {
		return this.scans;
	}

	/** Asks for a scan now. */
	void wakeUp() {
		requestScan();
		this.scans.nudge();
	}

	/** Asks for a round that claims the document; a scan if the queue is full. */
	void wakeUp(String collection, Object id) {
		if (this.hints.offer(collection, id)) {
			this.handedOver.set(true);
			this.writes.nudge();
		}
		else {
			wakeUp();
		}
	}

	/** Makes the next scan turn scan, without waking the scan loop. */
	void requestScan() {
		this.scanRequested.set(true);
	}

	/** Ends any wait at once, for stopping. */
	void release() {
		this.writes.nudge();
		this.scans.nudge();
	}

	boolean hasHints() {
		return !this.hints.isEmpty();
	}

	/** Up to {@code limit} handed-over documents, by collection. */
	Map<String, List<Object>> take(int limit) {
		return this.hints.take(limit);
	}

	/**
	 * Whether the scan loop's turn scans: it was asked for, no write handed over a
	 * document since the last turn, or the last scan is overdue.
	 */
	boolean scanDue() {
		long now = System.nanoTime();
		boolean requested = this.scanRequested.getAndSet(false);
		boolean quiet = !this.handedOver.getAndSet(false);
		boolean overdue = now - this.lastScanNanos >= this.pollInterval.toNanos() * BUSY_SCAN_FACTOR;
		if (requested || quiet || overdue) {
			this.lastScanNanos = now;
			return true;
		}
		return false;
	}

}
