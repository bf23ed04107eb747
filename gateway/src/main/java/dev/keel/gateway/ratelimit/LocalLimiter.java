package dev.keel.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory. A bucket left alone for its whole period is full
 * again, the same as a new one, so it is dropped then; past {@code max-keys} buckets, the
 * least recently used go first, which keeps a flood of spoofed clients from exhausting
 * the heap.
 */
final class LocalLimiter implements Limiter {

	private final Cache<String, Bucket> buckets;

	LocalLimiter(RateLimitSettings settings) {
		Duration longest = Stream.of(settings.auth(), settings.user(), settings.anonymous())
			.map(Limit::period)
			.max(Duration::compareTo)
			.orElseThrow();
		this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).maximumSize(settings.maxKeys()).build();
	}

	@Override
	public Mono<Verdict> consume(Quota quota) {
		return Mono.just(consumeNow(quota));
	}

	Verdict consumeNow(Quota quota) {
		Bucket bucket = this.buckets.get(quota.key(),
				(key) -> Bucket.builder().addLimit(quota.bucket().getBandwidths()[0]).build());
		return Verdict.of(quota.limit(), bucket.tryConsumeAndReturnRemaining(1));
	}

}
