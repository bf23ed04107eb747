package dev.keel.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Writes one {@link AccessLog} line per request once it is answered, and records its
 * {@link RequestTimers timer}. Errors that leave the filter chain are answered later, by
 * the error handler: their line is written when that answer is committed, with its
 * status.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

	/** Right after the request id is known, around everything else. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final boolean enabled;

	private final RequestTimers timers;

	AccessLogFilter(EdgeSettings settings, RequestTimers timers) {
		this.enabled = settings.accessLog().enabled();
		this.timers = timers;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		CountingResponse response = new CountingResponse(exchange.getResponse());
		ServerWebExchange counted = exchange.mutate().response(response).build();
		return chain.filter(counted)
			.doOnSuccess((done) -> answered(counted, start, response.bytes(), false))
			.doOnError((ex) -> logWhenAnswered(counted, start, response))
			.doOnCancel(() -> answered(counted, start, response.bytes(), true));
	}

	private void logWhenAnswered(ServerWebExchange exchange, long start, CountingResponse response) {
		if (response.isCommitted()) {
			answered(exchange, start, response.bytes(), true);
			return;
		}
		// The error handler writes past this filter's response; its body has a length.
		response.beforeCommit(() -> {
			answered(exchange, start, Math.max(0, response.getHeaders().getContentLength()), false);
			return Mono.empty();
		});
	}

	private void answered(ServerWebExchange exchange, long start, long bytes, boolean aborted) {
		long nanos = System.nanoTime() - start;
		this.timers.record(exchange, nanos);
		if (!this.enabled) {
			return;
		}
		if (aborted) {
			AccessLog.writeAborted(exchange, nanos, bytes);
		}
		else {
			AccessLog.write(exchange, nanos, bytes);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
