package dev.keel.support.outbox;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * The relay's safety net, on a loop of its own: it scans every known collection, oldest
 * entry first, for entries written by other instances, before a crash or without a hint,
 * when {@link WakeUps#scanDue()} says so, and again at once while a scan finds a full
 * limit of documents. On the embedded store a scan reads the whole collection, and a
 * backlog takes a while to drain; on its own loop neither holds up the documents writes
 * hand over.
 */
final class ScanLoop extends RelayLoop {

	/** How many batches one scan for pending documents finds at most. */
	static final int SCAN_BATCHES = 10;

	private static final Logger log = LoggerFactory.getLogger(ScanLoop.class);

	private final OutboxCollections collections;

	private final WakeUps wakeUps;

	private final BatchDrain batches;

	private final int limit;

	private boolean moreFound;

	ScanLoop(OutboxCollections collections, WakeUps wakeUps, BatchDrain batches, OutboxProperties properties) {
		super(properties);
		this.collections = collections;
		this.wakeUps = wakeUps;
		this.batches = batches;
		this.limit = properties.batchSize() * SCAN_BATCHES;
	}

	@Override
	RelayRound round() {
		if (!this.moreFound && !this.wakeUps.scanDue()) {
			return RelayRound.IDLE;
		}
		RelayRound round = RelayRound.IDLE;
		for (OutboxCollection collection : this.collections.current()) {
			try {
				collection.createIndexOnce();
				round = round.and(scan(collection));
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
		this.moreFound = round.full() && !round.failed();
		return round;
	}

	/**
	 * Finds up to {@value #SCAN_BATCHES} batches of pending documents with one query and
	 * drains them a batch at a time. Scanning for more than one batch matters on the
	 * embedded store, which has no index to find pending documents with: a backlog of
	 * thousands then costs a few scans of the collection, not one per hundred documents.
	 */
	private RelayRound scan(OutboxCollection collection) {
		List<Object> candidates = collection.claimable(Instant.now(), this.limit);
		return this.batches.drainAll(collection, candidates, candidates.size() == this.limit, false);
	}

	/** The next turn scans again, after the pause. */
	@Override
	void afterFailure() {
		this.wakeUps.requestScan();
	}

	@Override
	boolean moreWaiting() {
		return false;
	}

	@Override
	void await() throws InterruptedException {
		this.wakeUps.awaitScan();
	}

	@Override
	void forgetWakeUps() {
		this.wakeUps.forgetScanNudges();
	}

}
