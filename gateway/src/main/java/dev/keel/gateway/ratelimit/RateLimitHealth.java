package dev.keel.gateway.ratelimit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports which buckets limit requests right now, as {@code rateLimits} in
 * {@code /actuator/health}. Always UP: while Redis is away the local buckets limit
 * requests, so the gateway can still serve, and taking it out of rotation would only move
 * its traffic to instances in the same situation.
 */
final class RateLimitHealth implements HealthIndicator {

	private final RateLimitSettings settings;

	private final @Nullable RedisLimiter redis;

	RateLimitHealth(RateLimitSettings settings, @Nullable RedisLimiter redis) {
		this.settings = settings;
		this.redis = redis;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up()
			.withDetail("auth", this.settings.auth().toString())
			.withDetail("user", this.settings.user().toString())
			.withDetail("anonymous", this.settings.anonymous().toString());
		if (this.redis == null) {
			return health.withDetail("limiter", "local").build();
		}
		boolean shared = this.redis.isShared();
		return health.withDetail("limiter", shared ? "redis" : "local (fallback: Redis is unreachable)")
			.withDetail("redis", (shared ? "available at " : "unavailable at ") + this.redis.address())
			.withDetail("redisSince", this.redis.availability().since().toString())
			.build();
	}

}
