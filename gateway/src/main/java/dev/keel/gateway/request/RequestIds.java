package dev.keel.gateway.request;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties a client's request to the gateway's and the services' logs: the
 * client's own {@code X-Request-Id} when it is sane, otherwise a fresh UUID.
 */
public final class RequestIds {

	/** The header that carries the id, both ways. */
	public static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

	// Long or exotic ids would let a client inject noise into every log line downstream.
	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestIds() {
	}

	/**
	 * The id of the request being handled in the given exchange.
	 * @param exchange the exchange
	 * @return the request id, or {@code null} before {@link RequestIdFilter} has run
	 */
	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	static String acceptOrGenerate(@Nullable String candidate) {
		return (candidate != null && SANE.matcher(candidate).matches()) ? candidate : UUID.randomUUID().toString();
	}

}
