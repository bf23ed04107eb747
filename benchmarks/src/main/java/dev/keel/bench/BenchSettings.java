package dev.keel.bench;

import java.time.Duration;

/**
 * How {@code keel bench data} runs.
 *
 * @param duration the measured time per scenario
 * @param warmup the unmeasured time before it
 * @param concurrency requests in flight, one virtual thread each
 * @param documents how many documents to seed for get-by-id and the query
 * @param settleTimeout how long to wait for an idle platform before each scenario
 * @param email the admin to log in as
 * @param password the admin's password
 */
record BenchSettings(Duration duration, Duration warmup, int concurrency, int documents, Duration settleTimeout,
		String email, String password) {

	/** A scenario, warm-up included. */
	Duration perScenario() {
		return this.warmup.plus(this.duration);
	}

	@Override
	public String toString() {
		return "BenchSettings[duration=" + this.duration + ", warmup=" + this.warmup + ", concurrency="
				+ this.concurrency + ", documents=" + this.documents + ", settleTimeout=" + this.settleTimeout
				+ ", email=" + this.email + "]";
	}

}
