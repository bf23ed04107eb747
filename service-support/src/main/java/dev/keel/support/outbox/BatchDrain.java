package dev.keel.support.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import dev.keel.support.outbox.DocumentDrainer.Drain;
import dev.keel.support.outbox.DocumentDrainer.Outcome;

/**
 * Claims documents a batch at a time, publishes each one's entries concurrently (each in
 * its own order) and releases the batch: the work of both relay loops, whether the ids
 * came from writes or from a scan. A document is first held in {@link DocumentsInFlight},
 * so the two loops never drain it at once; then claimed with a lease, so other instances
 * do not either.
 */
final class BatchDrain {

	private final DocumentDrainer drainer;

	private final WakeUps wakeUps;

	private final String owner;

	private final OutboxProperties properties;

	private final BooleanSupplier running;

	private final DocumentsInFlight inFlight = new DocumentsInFlight();

	BatchDrain(DocumentDrainer drainer, WakeUps wakeUps, String owner, OutboxProperties properties,
			BooleanSupplier running) {
		this.drainer = drainer;
		this.wakeUps = wakeUps;
		this.owner = owner;
		this.properties = properties;
		this.running = running;
	}

	/**
	 * Claims and drains documents a batch at a time, until Kafka is found away.
	 * @param collection where the documents are
	 * @param ids the documents
	 * @param full whether more may be waiting than these (a scan that reached its limit)
	 * @param handedOver whether the ids came from writes: a document the scan holds is
	 * then handed back once the scan releases it, for entries it did not claim
	 * @return what the round found
	 */
	RelayRound drainAll(OutboxCollection collection, List<Object> ids, boolean full, boolean handedOver) {
		int batchSize = this.properties.batchSize();
		List<Outcome> outcomes = new ArrayList<>();
		for (int from = 0; from < ids.size() && this.running.getAsBoolean(); from += batchSize) {
			List<Object> batch = ids.subList(from, Math.min(from + batchSize, ids.size()));
			List<Object> held = this.inFlight.hold(collection.name(), batch, handedOver);
			try {
				outcomes.addAll(drain(collection, held));
			}
			finally {
				this.inFlight.release(collection.name(), held)
					.forEach((id) -> this.wakeUps.wakeUp(collection.name(), id));
			}
			if (outcomes.contains(Outcome.KAFKA_UNAVAILABLE)) {
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
		if (ids.isEmpty()) {
			return List.of();
		}
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

}
