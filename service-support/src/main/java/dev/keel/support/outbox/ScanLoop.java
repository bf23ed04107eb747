package dev.keel.support.outbox;

import java.time.Instant;
import java.util.List;

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

	private boolean moreFound;

	ScanLoop(OutboxCollections collections, WakeUps wakeUps, BatchDrain batches, OutboxProperties properties) {
		super(collections, wakeUps, wakeUps.scans(), batches, properties);
	}

	@Override
	RelayRound round() {
		if (!this.moreFound && !this.wakeUps.scanDue()) {
			return RelayRound.IDLE;
		}
		RelayRound round = RelayRound.IDLE;
		for (OutboxCollection collection : this.collections.current()) {
			round = round.and(relay(collection.name(), () -> scan(collection)));
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
		collection.createIndexOnce();
		List<Object> candidates = collection.claimable(Instant.now(), this.limit);
		return this.batches.drainAll(collection, candidates, candidates.size() == this.limit, false);
	}

}
