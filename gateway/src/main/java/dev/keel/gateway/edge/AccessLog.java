package dev.keel.gateway.edge;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import dev.keel.gateway.request.ClientAddress;
import dev.keel.gateway.request.RequestIds;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The access log: one line per request on the {@code keel.access} logger, its facts as
 * key-value pairs that the structured console format writes as JSON fields (ECS names
 * where ECS has one). The trace id comes with every log line. Never written: headers
 * other than the user agent (so no {@code Authorization}, no cookies) and the values of
 * secret query parameters ({@link SafeQuery}).
 */
final class AccessLog {

	private static final Logger logger = LoggerFactory.getLogger("keel.access");

	private AccessLog() {
	}

	/**
	 * Logs an answered request.
	 * @param exchange the exchange
	 * @param start when the request arrived, from {@link System#nanoTime()}
	 * @param bytes the response body's size
	 */
	static void write(ServerWebExchange exchange, long start, long bytes) {
		if (logger.isInfoEnabled()) {
			line(exchange, start, bytes, false);
		}
	}

	/**
	 * Logs a request whose answer was cut off: the client went away, or the response
	 * failed after it had started.
	 * @param exchange the exchange
	 * @param start when the request arrived, from {@link System#nanoTime()}
	 * @param bytes the response body bytes written
	 */
	static void writeAborted(ServerWebExchange exchange, long start, long bytes) {
		if (logger.isInfoEnabled()) {
			line(exchange, start, bytes, true);
		}
	}

	private static void line(ServerWebExchange exchange, long start, long bytes, boolean aborted) {
		double millis = Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
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
		line.log("{} {}{} {} {} ms{}", request.getMethod().name(), path, (query != null) ? "?" + query : "",
				(status != null) ? status.value() : "-", millis, aborted ? " (aborted)" : "");
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
