package dev.keel.gateway.error;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

import dev.keel.gateway.request.RequestIds;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Facts about the request as the client sent it, read from the server observation that
 * Spring WebFlux keeps in the exchange attributes. A fallback is reached by a forward,
 * which rewrites the request's path; the observation keeps the original. Reading the
 * trace id from it also works on any thread, unlike a thread-local current span.
 */
final class OriginalRequest {

	private OriginalRequest() {
	}

	static String traceId(ServerWebExchange exchange) {
		return observation(exchange).map((context) -> context.<TracingContext>get(TracingContext.class))
			.map(TracingContext::getSpan)
			.map(Span::context)
			.map((context) -> context.traceId())
			.or(() -> Optional.ofNullable(RequestIds.of(exchange)))
			.orElse("unknown");
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
