package dev.keel.gateway.request;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives the request sent to a service its {@code X-Request-Id} and {@code traceparent}
 * ({@link RequestIds}, {@link TraceContexts}) and its {@code X-Keel-Client-Ip} (the
 * {@link ClientAddress}, which auth-service records with a session), replacing whatever
 * the client sent. Set on the headers that Spring Cloud Gateway copies for every call to
 * a service anyway, last of its header filters, rather than on a copy of the client's
 * request made for this alone.
 */
@Component
class ForwardedIds implements HttpHeadersFilter, Ordered {

	static final String CLIENT_IP = "X-Keel-Client-Ip";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		String requestId = RequestIds.of(exchange);
		String traceparent = TraceContexts.of(exchange).header();
		HttpHeaders headers = writable(input);
		if (requestId != null) {
			headers.set(RequestIds.HEADER, requestId);
		}
		headers.set(TraceParent.HEADER, traceparent);
		String clientIp = ClientAddress.of(exchange);
		if (clientIp != null) {
			headers.set(CLIENT_IP, clientIp);
		}
		return headers;
	}

	// The hop-by-hop filter before this one hands over a fresh copy; should another
	// filter's read-only view come here instead, it is copied.
	private static HttpHeaders writable(HttpHeaders input) {
		try {
			input.remove(TraceParent.HEADER);
			input.remove(CLIENT_IP);
			return input;
		}
		catch (UnsupportedOperationException ex) {
			HttpHeaders copy = new HttpHeaders();
			copy.putAll(input);
			return copy;
		}
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
