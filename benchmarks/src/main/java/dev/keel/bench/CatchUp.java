package dev.keel.bench;

import java.time.Duration;

/**
 * The outbox catch-up after a create burst: how many creates succeeded, and how long
 * after the last write data-service's relays had published as many events more than
 * before the burst.
 *
 * @param creates successful creates of the burst
 * @param failed creates that failed
 * @param burst how long the burst lasted
 * @param publishedBefore the outboxes' published count before the burst
 * @param publishedAfter the count when the waiting ended
 * @param catchUp from the last write until the count had grown by {@code creates}, or
 * {@code null} if it had not within the timeout
 */
record CatchUp(long creates, long failed, Duration burst, long publishedBefore, long publishedAfter, Duration catchUp) {

	/** The target: every event out this long after the last write. */
	static final Duration TARGET = Duration.ofSeconds(20);

	/** The count at which every create's event is out. */
	static long target(long publishedBefore, long creates) {
		return publishedBefore + creates;
	}

	/** Events of the burst still waiting when the count was last read. */
	long behind() {
		return Math.max(0, target(this.publishedBefore, this.creates) - this.publishedAfter);
	}

	/** Whether every event was out within {@link #TARGET} of the last write. */
	boolean withinTarget() {
		return this.catchUp != null && this.catchUp.compareTo(TARGET) <= 0;
	}

	/** The line, with the verdict against {@link #TARGET}. */
	String lineWithVerdict() {
		return line() + (withinTarget() ? String.format(" (target %d s: met)", TARGET.toSeconds())
				: String.format(" (!!! target %d s: missed)", TARGET.toSeconds()));
	}

	String line() {
		String burst = String.format("Outbox catch-up: %,d creates in %.1f s (%.0f/s, %d failed); ", this.creates,
				this.burst.toMillis() / 1000.0, this.creates / (this.burst.toMillis() / 1000.0), this.failed);
		if (this.catchUp == null) {
			return burst + String.format("!!! %,d of their events still unpublished when the wait ended", behind());
		}
		return burst + String.format("all their events published %.1f s after the last write",
				this.catchUp.toMillis() / 1000.0);
	}

}
