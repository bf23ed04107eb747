package dev.keel.gateway.error;

import java.net.URI;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception that escapes the gateway's handling into problem+json: unknown
 * paths, wrong methods, unreachable services on routes without a circuit breaker, and
 * bugs. Ordered before Boot's default handler, which would answer plain JSON.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private final ProblemResponder responder;

	ProblemErrorHandler(ProblemResponder responder) {
		this.responder = responder;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		Failure failure = Failures.of(ex);
		failure = routedService(exchange).map(failure::about).orElse(failure);
		FailureLog.log(exchange, failure, ex);
		HttpHeaders headers = (ex instanceof ErrorResponse response) ? response.getHeaders() : HttpHeaders.EMPTY;
		return this.responder.respond(exchange, failure, headers);
	}

	private Optional<String> routedService(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return Optional.ofNullable(route).map(Route::getUri).map(URI::getHost);
	}

}
