package dev.keel.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;

/**
 * The bucket a request draws from: one per limit and client (IP or token subject).
 *
 * @param tier the limit's name: {@code auth}, {@code user} or {@code anonymous}
 * @param limit the limit
 * @param bucket the limit as a bucket configuration, built once per limit
 * @param client the client IP or the token subject
 */
record Quota(String tier, Limit limit, BucketConfiguration bucket, String client) {

	/**
	 * The bucket's key, the same in every gateway instance, such as
	 * {@code anonymous:203.0.113.7}.
	 * @return the key
	 */
	String key() {
		return this.tier + ":" + this.client;
	}

}
