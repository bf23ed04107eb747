package dev.keel.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

class KnownRoutesTests {

	private final List<RouteDefinition> routes = new ArrayList<>(List.of(route("Path=/api/auth/**"),
			route("Path=/api/data/**"), route("Path=/api/notifications/stream", "Method=GET"),
			route("Path=/account/**", "Method=GET,HEAD,POST")));

	private final KnownRoutes known = new KnownRoutes(() -> Flux.fromIterable(this.routes));

	KnownRoutesTests() {
		this.known.afterSingletonsInstantiated();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/me", "/api/auth", "/api/data/collections/x/documents", "/api/data/v3/api-docs",
			"/api/notifications/stream", "/api//auth/token/", "/api/auth/token;v=1", "/account/verify-email", "/docs",
			"/docs/swagger-ui/5/index.css", "/fallback/data-service" })
	void routedPathsAndTheGatewaysOwnPagesAreKnown(String path) {
		assertThat(this.known.contains(PathContainer.parsePath(path))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/nope", "/api", "/api/authx", "/api/notifications/inbox", "/actuator/health",
			"/api/nope/../auth/me", "/webjars/swagger-ui/index.html" })
	void everythingElseIsUnknown(String path) {
		assertThat(this.known.contains(PathContainer.parsePath(path))).isFalse();
	}

	@Test
	void refreshedRoutesAreKnownAndRemovedOnesNoLonger() {
		this.routes.add(route("Path=/api/storage/**,/files/**"));
		this.routes.remove(0);
		assertThat(this.known.contains(PathContainer.parsePath("/files/1"))).isFalse();

		this.known.onApplicationEvent(new RefreshRoutesResultEvent(this));

		assertThat(this.known.contains(PathContainer.parsePath("/files/1"))).isTrue();
		assertThat(this.known.contains(PathContainer.parsePath("/api/storage/buckets"))).isTrue();
		assertThat(this.known.contains(PathContainer.parsePath("/api/auth/me"))).isFalse();
	}

	@Test
	void patternsMayBeNamedArguments() {
		PredicateDefinition path = new PredicateDefinition();
		path.setName("Path");
		path.addArg("patterns", "/api/console/**");
		path.addArg("matchTrailingSlash", "false");
		RouteDefinition console = new RouteDefinition();
		console.setId("console");
		console.setPredicates(List.of(path));
		this.routes.add(console);

		this.known.onApplicationEvent(new RefreshRoutesResultEvent(this));

		assertThat(this.known.contains(PathContainer.parsePath("/api/console/users"))).isTrue();
	}

	@Test
	void aRouteThatMayTakeAnyPathMakesEveryPathKnown() {
		this.routes.add(route("Host=**.example.org"));

		this.known.onApplicationEvent(new RefreshRoutesResultEvent(this));

		assertThat(this.known.contains(PathContainer.parsePath("/api/nope"))).isTrue();
	}

	@Test
	void disabledRoutesAreNotKnown() {
		RouteDefinition disabled = route("Path=/api/storage/**");
		disabled.setEnabled(false);
		this.routes.add(disabled);

		this.known.onApplicationEvent(new RefreshRoutesResultEvent(this));

		assertThat(this.known.contains(PathContainer.parsePath("/api/storage/buckets"))).isFalse();
	}

	private static RouteDefinition route(String... predicates) {
		RouteDefinition route = new RouteDefinition();
		route.setId("route-" + predicates[0]);
		route.setPredicates(List.of(predicates).stream().map(PredicateDefinition::new).toList());
		return route;
	}

}
