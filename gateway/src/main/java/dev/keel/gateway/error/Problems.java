package dev.keel.gateway.error;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the RFC 9457 body of every error the gateway itself answers: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the path the client
 * called), plus Keel's {@code code} and {@code traceId} (API.md §1).
 */
public final class Problems {

	// RFC 9457 lets an absent type mean about:blank, but clients are promised the field.
	private static final URI BLANK_TYPE = URI.create("about:blank");

	private Problems() {
	}

	/**
	 * The problem for a failure while handling the given exchange.
	 * @param failure what went wrong
	 * @param exchange the exchange, possibly forwarded to a fallback
	 * @return the problem
	 */
	public static ProblemDetail of(Failure failure, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.detail());
		problem.setType(BLANK_TYPE);
		problem.setInstance(instance(OriginalRequest.path(exchange)));
		problem.setProperty("code", failure.code());
		problem.setProperty("traceId", OriginalRequest.traceId(exchange));
		return problem;
	}

	private static @Nullable URI instance(String rawPath) {
		try {
			return URI.create(rawPath);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
