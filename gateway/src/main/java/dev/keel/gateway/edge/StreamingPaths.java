package dev.keel.gateway.edge;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where request and response bodies stream between client and service
 * ({@link StreamingSettings}): files through storage-service, gigabytes at a time. The
 * gateway's body limit does not apply there (the service applies its own, per bucket),
 * and their request bodies are never cached for a retry or a fallback
 * ({@link StreamedBodyCaching}). Patterns are matched like the routes' {@code Path}
 * predicates; a path with a {@code .} or {@code ..} segment never streams, since a
 * service would normalise it to another route's path.
 */
@Component
class StreamingPaths {

	private final List<PathPattern> patterns;

	StreamingPaths(StreamingSettings settings) {
		this.patterns = settings.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	boolean contains(ServerHttpRequest request) {
		PathContainer path = request.getPath().pathWithinApplication();
		if (this.patterns.isEmpty() || hasDotSegment(path)) {
			return false;
		}
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(path)) {
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

}
