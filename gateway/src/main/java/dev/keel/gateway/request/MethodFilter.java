package dev.keel.gateway.request;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.keel.gateway.error.Failure;
import dev.keel.gateway.error.ProblemResponder;

/**
 * Answers methods that no Keel API has ({@code CONNECT}, {@code TRACE}, WebDAV's, made-up
 * ones) with 405 problem+json at the edge. Passed on, they would reach a service's
 * servlet container, which answers some of them with a bare 501.
 */
@Component
class MethodFilter implements WebFilter, Ordered {

	private static final Set<HttpMethod> ALLOWED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
			HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	private final ProblemResponder responder;

	MethodFilter(ProblemResponder responder) {
		this.responder = responder;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (ALLOWED.contains(method)) {
			return chain.filter(exchange);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ALLOW, ALLOW);
		return this.responder.respond(exchange, new Failure(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				"The method " + method.name() + " is not used by this API."), headers);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

}
