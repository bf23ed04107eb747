package dev.keel.gateway.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes that a request without a bearer token may take. Each rule is
 * {@code METHOD[,METHOD...] /path/pattern} ({@code *} for any method), the pattern in
 * Spring's syntax, matched like the gateway's own {@code Path} predicates (decoded
 * segments, matrix parameters ignored), so a path means the same here as in routing. A
 * path with a {@code .} or {@code ..} segment is never anonymous.
 */
final class AnonymousRoutes {

	/** The routes every deployment opens (the edge contract). */
	static final List<String> BUILT_IN = List.of("POST /api/auth/signup", "POST /api/auth/token",
			"POST /api/auth/revoke", "POST /api/auth/email/verify", "POST /api/auth/password/forgot",
			"POST /api/auth/password/reset", "POST /api/auth/otp", "GET,HEAD /api/auth/.well-known/**",
			// Sign-in with an identity provider: the browser arrives without a token.
			"GET /api/auth/authorize", "GET /api/auth/callback/*",
			// Public data reads, and document writes: data-service decides per collection
			// and operation whether a token is needed (its `public` rule). Defining
			// collections always needs one.
			"GET,HEAD /api/data/**", "POST /api/data/collections/*/documents",
			"PUT,PATCH,DELETE /api/data/collections/*/documents/*",
			// Files: metadata and content reads (a signed URL carries its signature in
			// the
			// query), uploads, resumable uploads and deletions; storage-service decides
			// per
			// bucket and operation whether a token is needed. Buckets always need one.
			"GET,HEAD /api/storage/buckets/*/objects", "GET,HEAD /api/storage/buckets/*/objects/*",
			"GET,HEAD /api/storage/buckets/*/objects/*/content", "POST /api/storage/buckets/*/objects",
			"DELETE /api/storage/buckets/*/objects/*", "POST /api/storage/buckets/*/uploads",
			"HEAD,PATCH,DELETE /api/storage/buckets/*/uploads/*",
			// Browsers' EventSource signs in with ?ticket=, which notification-service
			// checks.
			"GET /api/notifications/stream", "GET,HEAD,POST /account/**", "GET,HEAD /docs/**",
			"GET,HEAD /api/*/v3/api-docs/**", "* /fallback/**",
			// CORS preflights never carry credentials.
			"OPTIONS /**");

	private final List<Rule> rules;

	private AnonymousRoutes(List<Rule> rules) {
		this.rules = rules;
	}

	/**
	 * The built-in routes and the given ones.
	 * @param extra further rules, from the settings
	 * @return the allow-list
	 * @throws IllegalArgumentException for a rule that cannot be read
	 */
	static AnonymousRoutes withBuiltInAnd(List<String> extra) {
		List<Rule> rules = new ArrayList<>();
		BUILT_IN.forEach((rule) -> rules.add(Rule.parse(rule)));
		extra.forEach((rule) -> rules.add(Rule.parse(rule)));
		return new AnonymousRoutes(List.copyOf(rules));
	}

	boolean allow(HttpMethod method, PathContainer path) {
		if (hasDotSegment(path)) {
			// "/api/auth/.well-known/../me" would be normalised to a closed route
			// downstream.
			return false;
		}
		for (Rule rule : this.rules) {
			if (rule.matches(method, path)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasDotSegment(PathContainer path) {
		for (PathContainer.Element element : path.elements()) {
			if (element instanceof PathContainer.PathSegment segment
					&& (segment.valueToMatch().equals(".") || segment.valueToMatch().equals(".."))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One route.
	 *
	 * @param methods the methods it opens; empty for every method
	 * @param pattern the paths it opens
	 */
	private record Rule(Set<HttpMethod> methods, PathPattern pattern) {

		static Rule parse(String rule) {
			String[] parts = rule.strip().split("\\s+");
			if (parts.length != 2 || !parts[1].startsWith("/")) {
				throw new IllegalArgumentException("An anonymous route must read 'METHOD /path/pattern', not '" + rule
						+ "' (keel.gateway.security.anonymous-routes)");
			}
			return new Rule(methods(parts[0]), PathPatternParser.defaultInstance.parse(parts[1]));
		}

		private static Set<HttpMethod> methods(String list) {
			if (list.equals("*")) {
				return Set.of();
			}
			Set<HttpMethod> methods = new HashSet<>();
			for (String method : list.split(",")) {
				methods.add(HttpMethod.valueOf(method.strip().toUpperCase(Locale.ROOT)));
			}
			return Set.copyOf(methods);
		}

		boolean matches(HttpMethod method, PathContainer path) {
			return (this.methods.isEmpty() || this.methods.contains(method)) && this.pattern.matches(path);
		}

	}

}
