package dev.keel.bench;

import java.time.Duration;

/**
 * How {@code keel bench events} runs.
 *
 * @param writes how many documents are written one after another for the latency
 * @param burst how long the create burst for the outbox catch-up lasts
 * @param concurrency creates in flight during the burst through the gateway
 * @param burstConcurrency creates in flight during the direct burst, against one
 * data-service instance
 * @param settleTimeout how long to wait for an idle platform before each part
 * @param catchUpTimeout how long to wait for the outbox to publish the burst's events
 * @param email the admin to log in as
 * @param password the admin's password
 */
record EventsBenchSettings(int writes, Duration burst, int concurrency, int burstConcurrency, Duration settleTimeout,
		Duration catchUpTimeout, String email, String password) {

	@Override
	public String toString() {
		return "EventsBenchSettings[writes=" + this.writes + ", burst=" + this.burst + ", concurrency="
				+ this.concurrency + ", burstConcurrency=" + this.burstConcurrency + ", settleTimeout="
				+ this.settleTimeout + ", catchUpTimeout=" + this.catchUpTimeout + ", email=" + this.email + "]";
	}

}
