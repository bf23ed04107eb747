package dev.keel.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * Takes one request from a bucket.
 */
interface Limiter {

	/**
	 * Takes one token from the quota's bucket, if it has one.
	 * @param quota the bucket
	 * @return whether the request may go on, and what is left; never an error
	 */
	Mono<Verdict> consume(Quota quota);

}
