package dev.keel.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Compiled path patterns, matched like the gateway's {@code Path} predicates. A path also
 * counts when it matches without its empty segments and trailing slash
 * ({@code /api//auth/token/}), which routing may still accept.
 */
final class RoutePaths {

	/** Every path. */
	static final RoutePaths ANY = new RoutePaths(null);

	private static final String PATH_PREDICATE = "Path";

	private final List<PathPattern> patterns;

	private RoutePaths(List<PathPattern> patterns) {
		this.patterns = patterns;
	}

	/**
	 * Compiles patterns.
	 * @param patterns the patterns, or {@code null} for every path
	 * @return the paths; every path when a pattern cannot be read
	 */
	static RoutePaths of(List<String> patterns) {
		if (patterns == null) {
			return ANY;
		}
		List<PathPattern> compiled = new ArrayList<>();
		try {
			patterns.forEach((pattern) -> compiled.add(PathPatternParser.defaultInstance.parse(pattern)));
		}
		catch (PatternParseException ex) {
			return ANY;
		}
		return new RoutePaths(List.copyOf(compiled));
	}

	/**
	 * The patterns of a route's {@code Path} predicates: the arguments that are paths,
	 * whether written {@code Path=/a/**,/b/**} or with named {@code patterns}.
	 * @param route the route
	 * @return the patterns; empty when the route has no {@code Path} predicate or one
	 * without literal patterns, so that it may take any path
	 */
	static List<String> patternsOf(RouteDefinition route) {
		List<String> patterns = new ArrayList<>();
		for (PredicateDefinition predicate : route.getPredicates()) {
			if (!PATH_PREDICATE.equalsIgnoreCase(predicate.getName())) {
				continue;
			}
			for (String value : predicate.getArgs().values()) {
				for (String pattern : value.split(",")) {
					if (pattern.strip().startsWith("/")) {
						patterns.add(pattern.strip());
					}
				}
			}
		}
		return patterns;
	}

	boolean matches(PathContainer path) {
		if (this.patterns == null || matchesAny(path)) {
			return true;
		}
		PathContainer normalized = normalized(path);
		return normalized != null && matchesAny(normalized);
	}

	private boolean matchesAny(PathContainer path) {
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	// Without empty segments and the trailing slash, as a route may still see it; null
	// when that changes nothing.
	private static PathContainer normalized(PathContainer path) {
		StringBuilder value = new StringBuilder();
		for (PathContainer.Element element : path.elements()) {
			if (element instanceof PathContainer.PathSegment segment && !segment.value().isEmpty()) {
				value.append('/').append(segment.value());
			}
		}
		String text = value.isEmpty() ? "/" : value.toString();
		return text.equals(path.value()) ? null : PathContainer.parsePath(text);
	}

}
