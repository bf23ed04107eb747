package dev.keel.support.outbox;

import java.time.Duration;

/**
 * Pauses between failed rounds that double from an initial pause up to a cap, so a Kafka
 * outage costs a retry every few seconds rather than a busy loop, and recovery is noticed
 * within the cap.
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private Duration current;

	Backoff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
	}

	Duration next() {
		this.current = (this.current != null) ? this.current.multipliedBy(2) : this.initial;
		if (this.current.compareTo(this.max) > 0) {
			this.current = this.max;
		}
		return this.current;
	}

	void reset() {
		this.current = null;
	}

}
