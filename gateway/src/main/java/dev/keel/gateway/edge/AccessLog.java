package dev.keel.gateway.edge;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import dev.keel.gateway.request.ClientAddress;
import dev.keel.gateway.request.RequestIds;
import dev.keel.gateway.request.TraceContexts;
import dev.keel.gateway.request.TraceParent;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The access log: one line per request on the {@code keel.access} logger, its facts as
 * key-value pairs that the structured console format writes as JSON fields (ECS names
 * where ECS has one), with the request's trace and span ids, written explicitly rather
 * than left to a thread-local trace context that the gateway no longer restores on every
 * reactive step. Never written: headers other than the user agent (so no
 * {@code Authorization}, no cookies) and the values of secret query parameters
 * ({@link SafeQuery}).
 */
final class AccessLog {

	private static final Logger logger = LoggerFactory.getLogger("keel.access");

	private static final String TRACE_ID = "traceId";

	private static final String SPAN_ID = "spanId";

	private AccessLog() {
	}

	/**
	 * Logs an answered request.
	 * @param exchange the exchange
	 * @param nanos how long it took to answer
	 * @param bytes the response body's size
	 */
	static void write(ServerWebExchange exchange, long nanos, long bytes) {
		if (logger.isInfoEnabled()) {
			line(exchange, nanos, bytes, false);
		}
	}

	/**
	 * Logs a request whose answer was cut off: the client went away, or the response
	 * failed after it had started.
	 * @param exchange the exchange
	 * @param nanos how long it took to answer
	 * @param bytes the response body bytes written
	 */
	static void writeAborted(ServerWebExchange exchange, long nanos, long bytes) {
		if (logger.isInfoEnabled()) {
			line(exchange, nanos, bytes, true);
		}
	}

	private static void line(ServerWebExchange exchange, long nanos, long bytes, boolean aborted) {
		double millis = Math.round(nanos / 1_000.0) / 1_000.0;
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		String query = SafeQuery.of(request.getURI().getRawQuery());
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		LoggingEventBuilder line = logger.atInfo()
			.addKeyValue("http.request.method", request.getMethod().name())
			.addKeyValue("url.path", path)
			.addKeyValue("http.response.body.bytes", bytes)
			.addKeyValue("duration_ms", millis);
		addIfPresent(line, "url.query", query);
		addIfPresent(line, "http.response.status_code", (status != null) ? status.value() : null);
		addIfPresent(line, "http.request.id", RequestIds.of(exchange));
		addIfPresent(line, "client.ip", ClientAddress.of(exchange));
		addIfPresent(line, "user_agent.original", request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route != null) {
			line.addKeyValue("keel.route", route.getId());
			addIfPresent(line, "keel.service", service(route.getUri()));
		}
		if (aborted) {
			line.addKeyValue("keel.aborted", true);
		}
		addTraceIds(line, TraceContexts.of(exchange));
		line.log("{} {}{} {} {} ms{}", request.getMethod().name(), path, (query != null) ? "?" + query : "",
				(status != null) ? status.value() : "-", millis, aborted ? " (aborted)" : "");
	}

	// Unless the current trace context is this request's and puts them in already.
	private static void addTraceIds(LoggingEventBuilder line, TraceParent trace) {
		if (!trace.traceId().equals(MDC.get(TRACE_ID))) {
			line.addKeyValue(TRACE_ID, trace.traceId());
			line.addKeyValue(SPAN_ID, trace.spanId());
		}
	}

	private static void addIfPresent(LoggingEventBuilder line, String key, @Nullable Object value) {
		if (value != null) {
			line.addKeyValue(key, value);
		}
	}

	private static @Nullable String service(URI uri) {
		return uri.getHost();
	}

}
