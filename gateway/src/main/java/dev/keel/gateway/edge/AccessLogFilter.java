package dev.keel.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Writes one {@link AccessLog} line per request once it is answered. Errors that leave
 * the filter chain are answered later, by the error handler: their line is written when
 * that answer is committed, with its status.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

	/** Right after the request id is known, around everything else. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final boolean enabled;

	AccessLogFilter(EdgeSettings settings) {
		this.enabled = settings.accessLog().enabled();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.enabled) {
			return chain.filter(exchange);
		}
		long start = System.nanoTime();
		CountingResponse response = new CountingResponse(exchange.getResponse());
		ServerWebExchange counted = exchange.mutate().response(response).build();
		return chain.filter(counted)
			.doOnSuccess((done) -> AccessLog.write(counted, start, response.bytes()))
			.doOnError((ex) -> logWhenAnswered(counted, start, response))
			.doOnCancel(() -> AccessLog.writeAborted(counted, start, response.bytes()));
	}

	private static void logWhenAnswered(ServerWebExchange exchange, long start, CountingResponse response) {
		if (response.isCommitted()) {
			AccessLog.writeAborted(exchange, start, response.bytes());
			return;
		}
		// The error handler writes past this filter's response; its body has a length.
		response.beforeCommit(() -> {
			AccessLog.write(exchange, start, Math.max(0, response.getHeaders().getContentLength()));
			return Mono.empty();
		});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
