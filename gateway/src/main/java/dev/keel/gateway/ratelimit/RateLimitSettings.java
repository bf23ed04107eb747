package dev.keel.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The gateway's rate limits, under {@code keel.gateway.rate-limits}.
 *
 * @param enabled whether requests are limited at all; off only for benchmarks
 * @param auth per client IP, on the anonymous auth endpoints (sign-up, token, forgotten
 * password)
 * @param user per token subject, on every other request with a valid token
 * @param anonymous per client IP, on every other request without a token
 * @param maxKeys how many buckets the local limiter keeps at most; idle buckets go first
 * @param redis where buckets are shared between gateway instances
 */
@ConfigurationProperties("keel.gateway.rate-limits")
record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("20/1m") Limit auth,
		@DefaultValue("600/1m") Limit user, @DefaultValue("300/1m") Limit anonymous,
		@DefaultValue("100000") int maxKeys, @DefaultValue Redis redis) {

	/**
	 * The Redis server that holds the shared buckets.
	 *
	 * @param url {@code redis://[user:password@]host:port}, or empty for local buckets
	 * only
	 * @param timeout how long a request waits for Redis before the local bucket decides
	 * @param retryInterval how often the gateway tries to reach Redis again after losing
	 * it
	 */
	record Redis(@DefaultValue("") String url, @DefaultValue("100ms") Duration timeout,
			@DefaultValue("5s") Duration retryInterval) {

		boolean configured() {
			return StringUtils.hasText(this.url);
		}

	}

}
