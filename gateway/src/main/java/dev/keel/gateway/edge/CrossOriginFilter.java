package dev.keel.gateway.edge;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.keel.gateway.edge.CrossOriginPolicy.Preflight;
import dev.keel.gateway.error.Failure;
import dev.keel.gateway.error.ProblemResponder;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for browser apps on the origins of {@link CrossOriginPolicy}. The gateway alone
 * speaks CORS: it answers every preflight itself (204, or 403 problem+json
 * {@code cors_refused}), never routing one, and it decides the CORS headers of every
 * other response, replacing any a service may have sent.
 * <p>
 * An actual request from a refused origin is still served, without
 * {@code Access-Control-Allow-Origin}, so the browser withholds the answer from the page.
 * Refusing it outright would protect nothing: the API authenticates with bearer tokens,
 * which a browser never attaches by itself, and same-origin form posts to the account
 * pages behind a TLS-ending proxy would look cross-origin.
 */
@Component
class CrossOriginFilter implements WebFilter, Ordered {

	/** After the security headers, so that a refused preflight carries them too. */
	static final int ORDER = SecurityHeadersFilter.ORDER + 1;

	private static final List<String> CORS_RESPONSE_HEADERS = List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
			HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
			HttpHeaders.ACCESS_CONTROL_MAX_AGE);

	private final CrossOriginPolicy policy;

	private final ProblemResponder responder;

	CrossOriginFilter(EdgeSettings settings, ProblemResponder responder) {
		this.policy = new CrossOriginPolicy(settings.cors());
		this.responder = responder;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return preflight(exchange);
		}
		String allowedOrigin = this.policy.allowedOrigin(exchange.getRequest().getHeaders().getOrigin());
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			CORS_RESPONSE_HEADERS.forEach(headers::remove);
			addVaryOrigin(headers);
			if (allowedOrigin != null) {
				headers.setAccessControlAllowOrigin(allowedOrigin);
				headers.setAccessControlExposeHeaders(CrossOriginPolicy.EXPOSED_HEADERS);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private Mono<Void> preflight(ServerWebExchange exchange) {
		HttpHeaders request = exchange.getRequest().getHeaders();
		Preflight answer = this.policy.preflight(request.getOrigin(), request.getAccessControlRequestMethod(),
				request.getAccessControlRequestHeaders());
		return switch (answer) {
			case Preflight.Refused refused -> this.responder.respond(exchange,
					new Failure(HttpStatus.FORBIDDEN, "cors_refused", refused.reason()), varyForPreflight());
			case Preflight.Allowed allowed -> allow(exchange.getResponse(), allowed);
		};
	}

	private Mono<Void> allow(ServerHttpResponse response, Preflight.Allowed allowed) {
		HttpHeaders headers = response.getHeaders();
		headers.addAll(varyForPreflight());
		headers.setAccessControlAllowOrigin(allowed.origin());
		headers.setAccessControlAllowMethods(allowed.methods());
		if (!allowed.headers().isEmpty()) {
			headers.setAccessControlAllowHeaders(allowed.headers());
		}
		headers.setAccessControlMaxAge(this.policy.maxAge());
		response.setStatusCode(HttpStatus.NO_CONTENT);
		return response.setComplete();
	}

	private static HttpHeaders varyForPreflight() {
		HttpHeaders headers = new HttpHeaders();
		headers.setVary(List.of(HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
				HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
		return headers;
	}

	// Caches must not serve an answer made for one origin to another.
	private static void addVaryOrigin(HttpHeaders headers) {
		if (headers.getVary()
			.stream()
			.noneMatch((value) -> value.equalsIgnoreCase(HttpHeaders.ORIGIN) || value.equals("*"))) {
			headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
