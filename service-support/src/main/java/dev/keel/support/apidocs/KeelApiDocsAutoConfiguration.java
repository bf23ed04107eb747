package dev.keel.support.apidocs;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.customizers.ParameterCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

import dev.keel.support.security.CurrentCaller;

/**
 * Describes a servlet service in its OpenAPI document: title, description and version,
 * the gateway as the server, and the bearer access token as the security scheme that
 * every operation accepts. Operations that need no token ignore it, or use it when it is
 * there (public data reads).
 */
@AutoConfiguration(before = SpringDocConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ OpenAPI.class, SpringDocConfiguration.class })
@EnableConfigurationProperties(KeelApiDocsProperties.class)
public class KeelApiDocsAutoConfiguration {

	/** The name of the bearer-token security scheme in every Keel document. */
	public static final String BEARER_SCHEME = "bearer";

	@Bean
	@ConditionalOnMissingBean
	OpenAPI keelOpenApi(KeelApiDocsProperties properties, ObjectProvider<BuildProperties> build) {
		BuildProperties buildProperties = build.getIfAvailable();
		String version = (buildProperties != null) ? buildProperties.getVersion() : "development";
		return new OpenAPI()
			.info(new Info().title(properties.title()).description(properties.description()).version(version))
			// Relative: the gateway the browser or client reached the document through.
			.servers(List.of(new Server().url("/").description("The Keel gateway")))
			.components(new Components().addSecuritySchemes(BEARER_SCHEME, bearerScheme()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
	}

	/**
	 * Leaves out {@link CurrentCaller} parameters (also as {@code Optional}): Keel's
	 * argument resolver fills them in from the token, no client sends them.
	 */
	@Bean
	ParameterCustomizer keelCallerParameters() {
		return (parameter,
				method) -> (method != null && method.nestedIfOptional().getNestedParameterType() == CurrentCaller.class)
						? null : parameter;
	}

	@Bean
	JsonNodeSchemas keelJsonNodeSchemas() {
		return new JsonNodeSchemas();
	}

	private static SecurityScheme bearerScheme() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("An access token from POST /api/auth/token (RS256-signed JWT, at most 15 minutes).");
	}

}
