package dev.keel.gateway.ratelimit;

import dev.keel.gateway.error.ProblemResponder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the rate limits: local buckets, or Redis buckets with the local ones as the
 * fallback when {@code KEEL_REDIS_URL} is set.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	private static final String ENABLED = "keel.gateway.rate-limits.enabled";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	static class Enabled {

		// A RedisLimiter is AutoCloseable: Spring closes its connection on shutdown.
		@Bean
		Limiter rateLimiter(RateLimitSettings settings, MeterRegistry meters) {
			LocalLimiter local = new LocalLimiter(settings);
			if (!settings.redis().configured()) {
				return local;
			}
			RedisBuckets buckets = new RedisBuckets(settings.redis());
			RedisLimiter limiter = new RedisLimiter(buckets, new RedisAvailability(buckets.address()), local,
					settings.redis());
			Gauge.builder("keel.gateway.ratelimit.redis.available", limiter, (redis) -> redis.isShared() ? 1 : 0)
				.description("1 while rate limits are shared through Redis, 0 while this instance limits on its own")
				.register(meters);
			return limiter;
		}

		@Bean
		RateLimitFilter rateLimitFilter(RateLimitSettings settings, Limiter rateLimiter, ProblemResponder problems,
				MeterRegistry meters, ApplicationContext context) {
			return new RateLimitFilter(new RateLimitPolicy(settings), rateLimiter, problems, meters, context);
		}

		@Bean
		RateLimitHealth rateLimitsHealthIndicator(RateLimitSettings settings, Limiter rateLimiter) {
			return new RateLimitHealth(settings, (rateLimiter instanceof RedisLimiter redis) ? redis : null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = ENABLED, havingValue = false)
	static class Disabled {

		private static final Log logger = LogFactory.getLog(RateLimitConfiguration.class);

		Disabled() {
			logger.warn("Rate limits are switched off (KEEL_RATE_LIMITS_ENABLED=false): "
					+ "every client may send as many requests as it likes");
		}

	}

}
