package dev.keel.support.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The wake-ups of one relay loop: any number of them before the loop looks count as one,
 * and the loop waits for one at most the poll interval.
 */
final class Nudges {

	private final Semaphore permits = new Semaphore(0);

	private final Duration pollInterval;

	Nudges(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/** Wakes the loop, or makes its next wait end at once; never blocks. */
	void nudge() {
		if (this.permits.availablePermits() == 0) {
			this.permits.release();
		}
	}

	/** Waits for a wake-up, at most the poll interval. */
	void await() throws InterruptedException {
		this.permits.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		this.permits.drainPermits();
	}

	/**
	 * Forgets the wake-ups that came during a backoff pause, so they do not defeat it.
	 */
	void forget() {
		this.permits.drainPermits();
	}

}
