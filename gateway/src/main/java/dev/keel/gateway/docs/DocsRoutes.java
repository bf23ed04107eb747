package dev.keel.gateway.docs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.webjars.WebJarVersionLocator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Maps {@code /docs}. Router functions are consulted before the gateway's routes, and no
 * route matches {@code /docs} anyway; any other path under it gets the gateway's usual
 * problem+json 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "keel.gateway.docs.enabled", matchIfMissing = true)
class DocsRoutes {

	static final String INITIALIZER = "/docs/swagger-initializer.js";

	private static final String SWAGGER_UI = "swagger-ui";

	private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

	@Bean
	RouterFunction<ServerResponse> docs(DocsSettings settings) {
		String version = swaggerUiVersion();
		String assets = "/docs/" + SWAGGER_UI + "/" + version;
		DocsPage page = new DocsPage(assets);
		SwaggerUiConfig config = SwaggerUiConfig.of(settings.documents());
		return RouterFunctions.route()
			.route(read("/docs").or(read("/docs/")).or(read("/docs/index.html")), (request) -> page.render())
			.route(read("/docs/swagger-config"),
					(request) -> ServerResponse.ok().cacheControl(CacheControl.noCache()).bodyValue(config))
			.route(read(INITIALIZER),
					(request) -> ServerResponse.ok()
						.contentType(JAVASCRIPT)
						.cacheControl(CacheControl.noCache())
						.bodyValue(new ClassPathResource("docs/swagger-initializer.js")))
			.add(RouterFunctions.resources(assets + "/**",
					new ClassPathResource("META-INF/resources/webjars/" + SWAGGER_UI + "/" + version + "/"),
					(resource, headers) -> headers
						.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())))
			.build();
	}

	private static RequestPredicate read(String path) {
		return RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD).and(RequestPredicates.path(path));
	}

	private static String swaggerUiVersion() {
		String version = new WebJarVersionLocator().version(SWAGGER_UI);
		if (version == null) {
			throw new IllegalStateException("The swagger-ui webjar is missing from the classpath");
		}
		return version;
	}

}
