package dev.keel.gateway.security;

import reactor.core.publisher.Mono;

import dev.keel.gateway.error.Failure;
import dev.keel.gateway.error.Failures;
import dev.keel.gateway.error.ProblemResponder;
import dev.keel.gateway.security.BearerToken.Absent;
import dev.keel.gateway.security.BearerToken.Malformed;
import dev.keel.gateway.security.BearerToken.Present;
import dev.keel.gateway.security.Verdict.Accepted;
import dev.keel.gateway.security.Verdict.Rejected;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The token checks at the edge, before any routing: strips the headers only the platform
 * may set, answers 404 for a path that no route or page of the gateway serves
 * ({@link KnownRoutes}), token or not, checks a bearer token when one is sent and refuses
 * an invalid one with 401, and lets requests without a token through only on the
 * {@link AnonymousRoutes}. A valid token's {@code sub} is left in the exchange attribute
 * {@link #SUBJECT_ATTRIBUTE}; the token itself goes on to the service, which checks it
 * again.
 */
@Component
public class EdgeAuthentication implements WebFilter, Ordered {

	/** The exchange attribute holding the {@code sub} of a valid token (a String). */
	public static final String SUBJECT_ATTRIBUTE = "keel.subject";

	/** After request ids, access log and CORS; before the rate limits. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

	private static final Failure NOT_FOUND = Failures.of(new ResponseStatusException(HttpStatus.NOT_FOUND));

	private final boolean validateTokens;

	private final AnonymousRoutes anonymousRoutes;

	private final TokenVerifier verifier;

	private final TokenRejections rejections;

	private final KnownRoutes knownRoutes;

	private final ProblemResponder responder;

	private final ApplicationContext gateway;

	EdgeAuthentication(EdgeSecuritySettings settings, TokenVerifier verifier, TokenRejections rejections,
			KnownRoutes knownRoutes, ProblemResponder responder, ApplicationContext gateway) {
		this.gateway = gateway;
		this.validateTokens = settings.validateTokens();
		this.anonymousRoutes = AnonymousRoutes.withBuiltInAnd(settings.anonymousRoutes());
		this.verifier = verifier;
		this.rejections = rejections;
		this.knownRoutes = knownRoutes;
		this.responder = responder;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ApplicationContext context = exchange.getApplicationContext();
		if (context != null && context != this.gateway) {
			// The actuator port's child context applies the same filters; it routes
			// nothing, and probes carry no token.
			return chain.filter(exchange);
		}
		ServerWebExchange stripped = PlatformHeaders.strip(exchange);
		if (!this.validateTokens) {
			return chain.filter(stripped);
		}
		if (!this.knownRoutes.contains(stripped.getRequest().getPath().pathWithinApplication())) {
			return this.responder.respond(stripped, NOT_FOUND, new HttpHeaders());
		}
		return switch (BearerToken.of(stripped.getRequest().getHeaders())) {
			case Absent absent -> anonymous(stripped, chain);
			case Malformed malformed -> this.rejections.reject(stripped, Rejection.MALFORMED);
			case Present token -> this.verifier.verify(token.value()).flatMap((verdict) -> switch (verdict) {
				case Accepted accepted -> {
					stripped.getAttributes().put(SUBJECT_ATTRIBUTE, accepted.subject());
					yield chain.filter(stripped);
				}
				case Rejected rejected -> this.rejections.reject(stripped, rejected.reason());
			});
		};
	}

	private Mono<Void> anonymous(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.anonymousRoutes.allow(request.getMethod(), request.getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		return this.rejections.reject(exchange, Rejection.MISSING);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
