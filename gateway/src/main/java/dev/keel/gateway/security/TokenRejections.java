package dev.keel.gateway.security;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.keel.gateway.error.ProblemResponder;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request turned away at the door: 401 problem+json with an RFC 6750 challenge,
 * or 503 with {@code Retry-After} when the token could not be checked; and counts it in
 * {@code keel.gateway.tokens.rejected}, tagged with the reason.
 */
@Component
class TokenRejections {

	static final String METRIC = "keel.gateway.tokens.rejected";

	private static final Logger logger = LoggerFactory.getLogger(TokenRejections.class);

	private final ProblemResponder responder;

	private final Map<Rejection, Counter> counters = new EnumMap<>(Rejection.class);

	TokenRejections(ProblemResponder responder, MeterRegistry meters) {
		this.responder = responder;
		for (Rejection reason : Rejection.values()) {
			this.counters.put(reason,
					Counter.builder(METRIC)
						.description("Requests the gateway refused because of their bearer token, or its absence")
						.tag("reason", reason.tag())
						.register(meters));
		}
	}

	Mono<Void> reject(ServerWebExchange exchange, Rejection reason) {
		this.counters.get(reason).increment();
		if (logger.isDebugEnabled()) {
			logger.debug("{} {} refused at the edge: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), reason.tag());
		}
		HttpHeaders headers = new HttpHeaders();
		String challenge = reason.challenge();
		if (challenge != null) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		return this.responder.respond(exchange, reason.failure(), headers);
	}

}
