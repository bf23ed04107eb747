package dev.keel.gateway.request;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace context of each request, read without thread-locals: for a sampled request
 * the span of its server observation; for any other, which {@link EdgeSampling} left
 * unobserved, the caller's trace with a new span for the gateway, or a new trace. Either
 * way a request has one trace id for the access log, problems and failure logs, and one
 * {@code traceparent} for the service.
 */
public final class TraceContexts {

	static final String ATTRIBUTE = TraceParent.class.getName();

	private TraceContexts() {
	}

	/**
	 * The trace context of the request being handled in the given exchange.
	 * @param exchange the exchange
	 * @return its trace context, the same on every call
	 */
	public static TraceParent of(ServerWebExchange exchange) {
		TraceParent known = exchange.getAttribute(ATTRIBUTE);
		if (known != null) {
			return known;
		}
		TraceParent context = observed(exchange);
		if (context == null) {
			TraceParent caller = TraceParent.parse(exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER));
			context = (caller != null) ? caller.child() : TraceParent.newTrace(false);
		}
		exchange.getAttributes().put(ATTRIBUTE, context);
		return context;
	}

	private static @Nullable TraceParent observed(ServerWebExchange exchange) {
		ServerRequestObservationContext observation = ServerRequestObservationContext
			.findCurrent(exchange.getAttributes())
			.orElse(null);
		TracingContext tracing = (observation != null) ? observation.get(TracingContext.class) : null;
		Span span = (tracing != null) ? tracing.getSpan() : null;
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		return new TraceParent(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
	}

}
