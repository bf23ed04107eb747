package dev.keel.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the security headers an API should send (OWASP REST Security and HTTP Headers
 * cheat sheets) on every response, whoever wrote it: a service, a fallback, an error
 * handler, a filter that refused the request. A header the response already carries is
 * left alone, so that a service's HTML pages (auth-service's account pages) keep their
 * own Content-Security-Policy.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

	/** First of the edge filters that may answer a request themselves. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	// Nothing in a JSON answer may load, run or be framed. Swagger UI under /docs is a
	// page that needs its scripts and styles, so it sets its own policy, or none.
	static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

	private static final String DOCS = "/docs";

	private final boolean alwaysHsts;

	SecurityHeadersFilter(EdgeSettings settings) {
		this.alwaysHsts = settings.securityHeaders().hsts();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean api = !isDocs(exchange.getRequest().getPath().value());
		// Browsers ignore HSTS received over plain HTTP; sent anyway, it would pin a
		// local http://localhost gateway.
		boolean hsts = this.alwaysHsts || exchange.getRequest().getSslInfo() != null;
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
			setIfAbsent(headers, "X-Frame-Options", "DENY");
			setIfAbsent(headers, "Referrer-Policy", "no-referrer");
			setIfAbsent(headers, "Cross-Origin-Resource-Policy", "same-site");
			if (api) {
				setIfAbsent(headers, "Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
			}
			if (hsts) {
				setIfAbsent(headers, "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static boolean isDocs(String path) {
		return path.startsWith(DOCS) && (path.length() == DOCS.length() || path.charAt(DOCS.length()) == '/');
	}

	private static void setIfAbsent(HttpHeaders headers, String name, String value) {
		if (!headers.containsHeader(name)) {
			headers.set(name, value);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
