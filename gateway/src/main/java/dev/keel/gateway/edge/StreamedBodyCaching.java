package dev.keel.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's request body cache, except on {@link StreamingPaths}. A route
 * with a {@code Retry} filter, or a {@code CircuitBreaker} with a fallback, has its
 * request bodies read whole into memory before they are sent, so that a retry or the
 * fallback can read them again: a 1 GiB upload would sit in the gateway's heap. On
 * streaming paths the body goes to the service as it arrives instead, so a retry of a
 * request with a body is not possible there (the storage route retries only methods
 * without one). The stock filter is switched off in {@code application.yml}
 * ({@code spring.cloud.gateway.server.webflux.global-filter.adapt-cached-body.enabled}).
 */
@Component
class StreamedBodyCaching extends AdaptCachedBodyGlobalFilter {

	private final StreamingPaths streaming;

	StreamedBodyCaching(StreamingPaths streaming) {
		this.streaming = streaming;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (hasBody(exchange.getRequest()) && this.streaming.contains(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return super.filter(exchange, chain);
	}

	/**
	 * Whether a body may come; most requests (GETs) have none, and skip the path match.
	 */
	private static boolean hasBody(ServerHttpRequest request) {
		return request.getHeaders().getContentLength() > 0
				|| request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

}
