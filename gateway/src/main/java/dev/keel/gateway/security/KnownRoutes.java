package dev.keel.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;

/**
 * The paths something in the gateway answers: the {@code Path} patterns of its routes,
 * read from the route definitions again whenever the routes are refreshed, and the
 * gateway's own pages ({@link #LOCAL}). A request for any other path gets 404 before its
 * token is looked at, so that a client learns "no such route" rather than "log in".
 * <p>
 * It errs towards "known": a route without a {@code Path} predicate (or with one whose
 * patterns are expressions) may take any path, and until the definitions are first read
 * every path is known. Such a path then gets the token check and the gateway's own 404.
 */
@Component
class KnownRoutes implements ApplicationListener<RefreshRoutesResultEvent>, SmartInitializingSingleton {

	/** What the gateway answers itself: the API docs and fallbacks. */
	static final List<String> LOCAL = List.of("/docs/**", "/fallback/**");

	private static final Logger logger = LoggerFactory.getLogger(KnownRoutes.class);

	private final RouteDefinitionLocator definitions;

	private volatile RoutePaths paths = RoutePaths.ANY;

	KnownRoutes(RouteDefinitionLocator definitions) {
		this.definitions = definitions;
	}

	/**
	 * Whether a route or page of the gateway may answer the path.
	 * @param path the path within the application, as the routes' predicates see it
	 * @return {@code false} only when nothing would
	 */
	boolean contains(PathContainer path) {
		return this.paths.matches(path);
	}

	@Override
	public void afterSingletonsInstantiated() {
		reload();
	}

	@Override
	public void onApplicationEvent(RefreshRoutesResultEvent event) {
		if (event.isSuccess()) {
			reload();
		}
	}

	private void reload() {
		this.definitions.getRouteDefinitions()
			.collectList()
			.subscribe((routes) -> this.paths = RoutePaths.of(patterns(routes)),
					(ex) -> logger.warn("Could not read the route definitions; known paths stay as they were", ex));
	}

	/**
	 * The path patterns of the enabled routes and the local pages.
	 * @param routes the route definitions
	 * @return the patterns, or {@code null} when some route may take any path
	 */
	static List<String> patterns(List<RouteDefinition> routes) {
		List<String> patterns = new ArrayList<>(LOCAL);
		for (RouteDefinition route : routes) {
			if (!route.isEnabled()) {
				continue;
			}
			List<String> ofRoute = RoutePaths.patternsOf(route);
			if (ofRoute.isEmpty()) {
				return null;
			}
			patterns.addAll(ofRoute);
		}
		return patterns;
	}

}
