package dev.keel.support.outbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * One of the relay's loops, each on its own virtual thread: round after round, a pause
 * with a capped exponential backoff after a failed one, and a wait for work after one
 * that left nothing behind. After a failed round the next scan is due: whatever stayed
 * behind is for it.
 */
abstract class RelayLoop implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);

	final OutboxCollections collections;

	final WakeUps wakeUps;

	final BatchDrain batches;

	/** How many documents one round takes from the writes' queue or a scan at most. */
	final int limit;

	private final Nudges nudges;

	private final Backoff backoff;

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private volatile boolean running = true;

	RelayLoop(OutboxCollections collections, WakeUps wakeUps, Nudges nudges, BatchDrain batches,
			OutboxProperties properties) {
		this.nudges = nudges;
		this.collections = collections;
		this.wakeUps = wakeUps;
		this.batches = batches;
		this.limit = properties.batchSize() * ScanLoop.SCAN_BATCHES;
		this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
	}

	@Override
	public final void run() {
		while (this.running) {
			RelayRound round = round();
			if (round.failed()) {
				this.wakeUps.requestScan();
				pause(this.backoff.next());
			}
			else {
				this.backoff.reset();
				if (!round.full() && !moreWaiting()) {
					awaitWork();
				}
			}
		}
	}

	/** Ends the loop after its current round; its wait or pause ends at once. */
	void stop() {
		this.running = false;
		this.stopRequested.countDown();
	}

	/** One round of work; never throws. */
	abstract RelayRound round();

	/** Whether work is waiting already, so that the loop goes on without a wait. */
	boolean moreWaiting() {
		return false;
	}

	/**
	 * Relays one collection's part of a round; a MongoDB error or a bug fails the round
	 * (it backs off) instead of ending the loop.
	 */
	static RelayRound relay(String collection, Supplier<RelayRound> work) {
		try {
			return work.get();
		}
		catch (DataAccessException ex) {
			log.warn("Could not relay the outbox of {}: {}", collection, ex.getMessage());
			return RelayRound.STORE_FAILED;
		}
		catch (RuntimeException ex) {
			log.error("Outbox round for {} failed", collection, ex);
			return RelayRound.STORE_FAILED;
		}
	}

	private void awaitWork() {
		try {
			this.nudges.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void pause(Duration duration) {
		try {
			this.stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
			this.nudges.forget();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
