package dev.keel.gateway.ratelimit;

import java.util.Set;

import dev.keel.gateway.request.ClientAddress;
import io.github.bucket4j.BucketConfiguration;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decides which limit a request counts against, and for whom (API.md §6): the anonymous
 * auth endpoints per client IP whoever calls them, authenticated requests per token
 * subject, everything else per client IP. A client IP is an IPv4 address, or the /64 of
 * an IPv6 address ({@link AddressKey}).
 */
final class RateLimitPolicy {

	/**
	 * Set by the edge's token check after a valid token: the token's {@code sub}. Read by
	 * name so that rate limits do not depend on the security package.
	 */
	static final String SUBJECT_ATTRIBUTE = "keel.subject";

	private static final Set<String> AUTH_PATHS = Set.of("/api/auth/signup", "/api/auth/token",
			"/api/auth/password/forgot", "/api/auth/otp", "/account/forgot-password");

	/** The browser steps of sign-in with an identity provider, also per client IP. */
	private static final String AUTHORIZE_PATH = "/api/auth/authorize";

	private static final String CALLBACK_PREFIX = "/api/auth/callback/";

	private final Tier auth;

	private final Tier user;

	private final Tier anonymous;

	RateLimitPolicy(RateLimitSettings settings) {
		this.auth = new Tier("auth", settings.auth());
		this.user = new Tier("user", settings.user());
		this.anonymous = new Tier("anonymous", settings.anonymous());
	}

	Quota quotaFor(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (HttpMethod.POST.equals(request.getMethod()) && AUTH_PATHS.contains(normalizedPath(request))) {
			return this.auth.quota(clientIp(exchange));
		}
		if (HttpMethod.GET.equals(request.getMethod()) && isProviderSignIn(normalizedPath(request))) {
			return this.auth.quota(clientIp(exchange));
		}
		if (exchange.getAttribute(SUBJECT_ATTRIBUTE) instanceof String subject && !subject.isEmpty()) {
			return this.user.quota(subject);
		}
		return this.anonymous.quota(clientIp(exchange));
	}

	private static boolean isProviderSignIn(String path) {
		return path.equals(AUTHORIZE_PATH) || path.startsWith(CALLBACK_PREFIX);
	}

	// Decoded, without ;parameters, empty segments or a trailing slash, so that
	// "/api/auth//signup/" cannot escape the auth limit.
	private static String normalizedPath(ServerHttpRequest request) {
		StringBuilder path = new StringBuilder();
		for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
			if (element instanceof PathContainer.PathSegment segment && !segment.valueToMatch().isEmpty()) {
				path.append('/').append(segment.valueToMatch());
			}
		}
		return path.toString();
	}

	// The connection's address, or the forwarded one behind a trusted proxy; an IPv6
	// client by its /64.
	private static String clientIp(ServerWebExchange exchange) {
		String ip = ClientAddress.of(exchange);
		return (ip != null) ? AddressKey.of(ip) : "unknown";
	}

	private record Tier(String name, Limit limit, BucketConfiguration bucket) {

		Tier(String name, Limit limit) {
			this(name, limit, limit.bucket());
		}

		Quota quota(String client) {
			return new Quota(this.name, this.limit, this.bucket, client);
		}

	}

}
