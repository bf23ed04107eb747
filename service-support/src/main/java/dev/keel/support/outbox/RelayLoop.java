package dev.keel.support.outbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One of the relay's loops, each on its own virtual thread: round after round, a pause
 * with a capped exponential backoff after a failed one, and a wait for work after one
 * that left nothing behind.
 */
abstract class RelayLoop implements Runnable {

	private final Backoff backoff;

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private volatile boolean running = true;

	RelayLoop(OutboxProperties properties) {
		this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
	}

	@Override
	public final void run() {
		while (this.running) {
			RelayRound round = round();
			if (round.failed()) {
				afterFailure();
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

	/** What follows a failed round, before the pause. */
	abstract void afterFailure();

	/** Whether work is waiting already, so that the loop goes on without a wait. */
	abstract boolean moreWaiting();

	/** Waits for work, at most the poll interval. */
	abstract void await() throws InterruptedException;

	/** Forgets the wake-ups that came during a pause, so that they do not defeat it. */
	abstract void forgetWakeUps();

	private void awaitWork() {
		try {
			await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void pause(Duration duration) {
		try {
			this.stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
			forgetWakeUps();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
