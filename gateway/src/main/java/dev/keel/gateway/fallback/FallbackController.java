package dev.keel.gateway.fallback;

import dev.keel.gateway.error.Failure;
import dev.keel.gateway.error.FailureLog;
import dev.keel.gateway.error.Failures;
import dev.keel.gateway.error.ProblemResponder;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where each route's circuit breaker forwards a request that it could not get answered:
 * the service has no live instance, refused or dropped the connection, took too long, or
 * the breaker is open. Answers 503 (504 for a timeout) as problem+json.
 */
@RestController
class FallbackController {

	private final ProblemResponder responder;

	FallbackController(ProblemResponder responder) {
		this.responder = responder;
	}

	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (cause == null) {
			// Only a breaker's forward leads here; a client calling it gets a plain 404.
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		Failure failure = Failures.ofServiceCall(cause).about(service);
		FailureLog.log(exchange, failure, cause);
		return this.responder.respond(exchange, failure, HttpHeaders.EMPTY);
	}

}
