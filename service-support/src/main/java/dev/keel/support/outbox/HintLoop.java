package dev.keel.support.outbox;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * The relay's loop for the documents writes handed over: it claims them by id, a batch
 * with one update, and never searches a collection, so a write's events go out within
 * milliseconds however long a scan takes on the other loop.
 */
final class HintLoop extends RelayLoop {

	private static final Logger log = LoggerFactory.getLogger(HintLoop.class);

	private final OutboxCollections collections;

	private final WakeUps wakeUps;

	private final BatchDrain batches;

	private final int limit;

	HintLoop(OutboxCollections collections, WakeUps wakeUps, BatchDrain batches, OutboxProperties properties) {
		super(properties);
		this.collections = collections;
		this.wakeUps = wakeUps;
		this.batches = batches;
		this.limit = properties.batchSize() * ScanLoop.SCAN_BATCHES;
	}

	@Override
	RelayRound round() {
		RelayRound round = RelayRound.IDLE;
		Map<String, List<Object>> written = this.wakeUps.take(this.limit);
		for (Map.Entry<String, List<Object>> collection : written.entrySet()) {
			try {
				round = round.and(this.batches.drainAll(this.collections.get(collection.getKey()),
						collection.getValue(), false, true));
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

	/** The ids handed over are spent: whatever stayed behind is for the scan. */
	@Override
	void afterFailure() {
		this.wakeUps.requestScan();
	}

	@Override
	boolean moreWaiting() {
		return this.wakeUps.hasHints();
	}

	@Override
	void await() throws InterruptedException {
		this.wakeUps.await();
	}

	@Override
	void forgetWakeUps() {
		this.wakeUps.forgetNudges();
	}

}
