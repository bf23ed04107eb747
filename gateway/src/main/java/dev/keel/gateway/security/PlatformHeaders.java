package dev.keel.gateway.security;

import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Headers that only the platform may set, such as {@code X-User-Id}: a service that
 * trusted one sent by a client would take the client's word for who it is, so they are
 * removed from every request before it goes anywhere.
 */
final class PlatformHeaders {

	private static final List<String> NAMES = List.of("X-User-Id", "X-User-Roles", "X-Forwarded-User");

	private static final List<String> PREFIXES = List.of("X-Keel-", "X-Authenticated-");

	private PlatformHeaders() {
	}

	/**
	 * The exchange without platform headers; the same exchange when it has none, the
	 * common case, which costs no copy of the request.
	 * @param exchange the exchange as the client sent it
	 * @return an exchange whose request carries no platform header
	 */
	static ServerWebExchange strip(ServerWebExchange exchange) {
		if (!hasAny(exchange.getRequest())) {
			return exchange;
		}
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.headerNames()
				.stream()
				.filter(PlatformHeaders::isPlatformHeader)
				.toList()
				.forEach(headers::remove))
			.build();
		return exchange.mutate().request(request).build();
	}

	static boolean isPlatformHeader(String name) {
		for (String platform : NAMES) {
			if (platform.equalsIgnoreCase(name)) {
				return true;
			}
		}
		for (String prefix : PREFIXES) {
			if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasAny(ServerHttpRequest request) {
		for (String name : request.getHeaders().headerNames()) {
			if (isPlatformHeader(name)) {
				return true;
			}
		}
		return false;
	}

}
