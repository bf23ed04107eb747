package dev.keel.support.outbox;

import java.util.List;
import java.util.Map;

/**
 * The relay's loop for the documents writes handed over: it claims them by id, a batch
 * with one update, and never searches a collection, so a write's events go out within
 * milliseconds however long a scan takes on the other loop.
 */
final class HintLoop extends RelayLoop {

	HintLoop(OutboxCollections collections, WakeUps wakeUps, BatchDrain batches, OutboxProperties properties) {
		super(collections, wakeUps, wakeUps.writes(), batches, properties);
	}

	@Override
	RelayRound round() {
		RelayRound round = RelayRound.IDLE;
		Map<String, List<Object>> written = this.wakeUps.take(this.limit);
		for (Map.Entry<String, List<Object>> collection : written.entrySet()) {
			round = round.and(relay(collection.getKey(), () -> this.batches
				.drainAll(this.collections.get(collection.getKey()), collection.getValue(), false, true)));
		}
		return round;
	}

	@Override
	boolean moreWaiting() {
		return this.wakeUps.hasHints();
	}

}
