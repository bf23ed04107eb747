package dev.keel.bench.gateway;

import java.time.Duration;

/**
 * How {@code keel bench gateway} runs.
 *
 * @param path the authenticated GET measured on every route
 * @param duration the measured time of each run
 * @param warmup the unmeasured run before each measured one, with the same load
 * @param firstWarmup the unmeasured run before the first measured one of each route, for
 * the JIT compilers
 * @param threads wrk's threads
 * @param connections wrk's keep-alive connections, over all threads
 * @param rate the fixed rate of the second round, or 0 for half the gateway's peak
 * @param settleTimeout how long to wait for an idle platform before each run
 * @param email the user to log in as
 * @param password the user's password
 */
record GatewayBenchSettings(String path, Duration duration, Duration warmup, Duration firstWarmup, int threads,
		int connections, double rate, Duration settleTimeout, String email, String password) {

	@Override
	public String toString() {
		return "GatewayBenchSettings[path=" + this.path + ", duration=" + this.duration + ", warmup=" + this.warmup
				+ ", firstWarmup=" + this.firstWarmup + ", threads=" + this.threads + ", connections="
				+ this.connections + ", rate=" + this.rate + ", settleTimeout=" + this.settleTimeout + ", email="
				+ this.email + "]";
	}

}
