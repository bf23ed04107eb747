package dev.keel.gateway.ratelimit;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.http.HttpHeaders;

/**
 * A bucket's answer to one request, and the {@code RateLimit-*} headers that tell the
 * client about it (API.md §1).
 *
 * @param allowed whether the request may go on
 * @param limit the bucket's capacity
 * @param remaining the requests left in the bucket
 * @param resetSeconds seconds until the bucket is full again
 * @param retryAfterSeconds seconds until the next request would be allowed; 0 when
 * allowed
 */
record Verdict(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

	static Verdict of(Limit limit, ConsumptionProbe probe) {
		long retryAfter = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
		return new Verdict(probe.isConsumed(), limit.capacity(), Math.max(0, probe.getRemainingTokens()),
				seconds(probe.getNanosToWaitForReset()), retryAfter);
	}

	void writeTo(HttpHeaders headers) {
		headers.set("RateLimit-Limit", Long.toString(this.limit));
		headers.set("RateLimit-Remaining", Long.toString(this.remaining));
		headers.set("RateLimit-Reset", Long.toString(this.resetSeconds));
	}

	// Rounded up: a client that waits the advertised time must find a token.
	private static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

}
