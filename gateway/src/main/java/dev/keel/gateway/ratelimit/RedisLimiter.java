package dev.keel.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;

/**
 * The buckets in Redis, with this instance's {@link LocalLimiter} standing in whenever
 * Redis does not answer in time: the request that finds Redis gone is limited locally at
 * once, and so is every request after it until a background check reaches Redis again
 * (every {@code retry-interval}). A Redis outage therefore loosens limits to one set per
 * instance, but never lets requests through unlimited.
 */
final class RedisLimiter implements Limiter, AutoCloseable {

	private final RedisBuckets redis;

	private final RedisAvailability availability;

	private final LocalLimiter local;

	private final Duration timeout;

	private final ScheduledExecutorService checks = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("keel-ratelimit-redis").factory());

	RedisLimiter(RedisBuckets redis, RedisAvailability availability, LocalLimiter local,
			RateLimitSettings.Redis settings) {
		this.redis = redis;
		this.availability = availability;
		this.local = local;
		// Two round trips at most: Bucket4j reads the bucket, then swaps it.
		this.timeout = settings.timeout().multipliedBy(2);
		check();
		long retry = settings.retryInterval().toMillis();
		this.checks.scheduleWithFixedDelay(this::check, retry, retry, TimeUnit.MILLISECONDS);
	}

	@Override
	public Mono<Verdict> consume(Quota quota) {
		if (!this.availability.isAvailable()) {
			return this.local.consume(quota);
		}
		return Mono.fromFuture(() -> this.redis.tryConsume(quota))
			.timeout(this.timeout)
			.map((probe) -> Verdict.of(quota.limit(), probe))
			.onErrorResume((ex) -> {
				this.availability.unreachable(ex);
				return this.local.consume(quota);
			});
	}

	/**
	 * Whether requests draw from the shared buckets right now.
	 * @return {@code false} while Redis is unreachable and the local buckets limit
	 */
	boolean isShared() {
		return this.availability.isAvailable() && this.redis.isConnected();
	}

	RedisAvailability availability() {
		return this.availability;
	}

	String address() {
		return this.redis.address();
	}

	// Also while Redis is available: a connection lost without traffic is noticed (and
	// re-established) here rather than by the next request.
	private void check() {
		try {
			this.redis.connect().get(this.redis.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
			this.availability.reachable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			this.availability.unreachable(ex);
		}
	}

	@Override
	public void close() {
		this.checks.shutdownNow();
		this.redis.close();
	}

}
