package dev.keel.gateway.error;

import java.util.Optional;

import dev.keel.gateway.request.TraceContexts;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Facts about the request as the client sent it. A fallback is reached by a forward,
 * which rewrites the request's path; the server observation context that Spring WebFlux
 * keeps in the exchange attributes keeps the original. The trace id is the request's own
 * ({@link TraceContexts}), readable on any thread, unlike a thread-local current span.
 */
final class OriginalRequest {

	private OriginalRequest() {
	}

	static String traceId(ServerWebExchange exchange) {
		return TraceContexts.of(exchange).traceId();
	}

	static String path(ServerWebExchange exchange) {
		ServerHttpRequest request = observation(exchange).map(ServerRequestObservationContext::getCarrier)
			.orElseGet(exchange::getRequest);
		return request.getPath().value();
	}

	private static Optional<ServerRequestObservationContext> observation(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes());
	}

}
