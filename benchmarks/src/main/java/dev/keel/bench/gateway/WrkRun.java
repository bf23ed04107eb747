package dev.keel.bench.gateway;

/**
 * What one wrk run reported.
 *
 * @param requestsPerSecond completed requests per second, wrk's {@code Requests/sec}
 * @param p50Micros the median latency, from wrk's latency distribution
 * @param p99Micros the 99th percentile
 * @param requests completed requests, failed ones included
 * @param badStatuses answers with a status of 400 or more (wrk's "Non-2xx or 3xx")
 * @param socketErrors connect, read and write errors and timeouts
 */
record WrkRun(double requestsPerSecond, double p50Micros, double p99Micros, long requests, long badStatuses,
		long socketErrors) {

	long errors() {
		return this.badStatuses + this.socketErrors;
	}

	double p50Millis() {
		return this.p50Micros / 1000;
	}

	double p99Millis() {
		return this.p99Micros / 1000;
	}

}
