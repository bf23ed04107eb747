package dev.keel.gateway.ratelimit;

import dev.keel.gateway.error.Failure;
import dev.keel.gateway.error.ProblemResponder;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Takes a token for every request before it is routed, and answers 429 problem+json with
 * {@code Retry-After} when the bucket is empty, so that the service never sees the
 * request. Every response carries the {@code RateLimit-*} headers. Runs after the token
 * check, which tells it the token's subject; a Server-Sent Events stream counts as one
 * request, however long it stays open.
 */
final class RateLimitFilter implements WebFilter, Ordered {

	/** After the edge's token check ({@code HIGHEST_PRECEDENCE + 30}). */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

	private final RateLimitPolicy policy;

	private final Limiter limiter;

	private final ProblemResponder problems;

	private final MeterRegistry meters;

	private final ApplicationContext gateway;

	RateLimitFilter(RateLimitPolicy policy, Limiter limiter, ProblemResponder problems, MeterRegistry meters,
			ApplicationContext gateway) {
		this.gateway = gateway;
		this.policy = policy;
		this.limiter = limiter;
		this.problems = problems;
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getApplicationContext() != this.gateway) {
			// The management port's child context applies its parent's filters too;
			// probes and metric scrapes are not client traffic.
			return chain.filter(exchange);
		}
		Quota quota = this.policy.quotaFor(exchange);
		return this.limiter.consume(quota).flatMap((verdict) -> {
			// At commit time, so that neither a service nor an error handler drops them.
			exchange.getResponse().beforeCommit(() -> {
				verdict.writeTo(exchange.getResponse().getHeaders());
				return Mono.empty();
			});
			return verdict.allowed() ? chain.filter(exchange) : refuse(exchange, quota, verdict);
		});
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Quota quota, Verdict verdict) {
		this.meters.counter("keel.gateway.ratelimit.rejected", "limit", quota.tier()).increment();
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
		long seconds = verdict.retryAfterSeconds();
		Failure failure = new Failure(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
				"Too many requests; try again in " + seconds + ((seconds == 1) ? " second." : " seconds."));
		return this.problems.respond(exchange, failure, headers);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
