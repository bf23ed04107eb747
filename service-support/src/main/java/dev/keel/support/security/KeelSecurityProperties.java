package dev.keel.support.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a Keel service checks the bearer tokens that auth-service issues. Services map the
 * shared environment variables onto these in their {@code application.yml}
 * ({@code keel.security.issuer: ${KEEL_AUTH_ISSUER:...}}), because Boot does not resolve
 * placeholders inside {@link DefaultValue}.
 *
 * @param issuer the exact {@code iss} that tokens must carry
 * @param audience a value that the {@code aud} claim must contain
 * @param jwkSetUri where auth-service publishes its public signing keys; ignored when the
 * application has its own {@code JWKSource} or {@code JwtDecoder} bean
 * @param loadBalanced whether the host of {@code jwkSetUri} is a service id resolved
 * through Spring Cloud LoadBalancer (Eureka), so that services reach auth-service
 * directly and never through the gateway; {@code false} for a plain URL
 * @param publicPaths request paths that need no token, as Spring path patterns
 * ({@code /api/data/public/**}), optionally preceded by an HTTP method and a space
 * ({@code GET /api/data/collections/*}); a token that is sent anyway is still checked
 */
@ConfigurationProperties("keel.security")
public record KeelSecurityProperties(@DefaultValue("http://localhost:8080/api/auth") String issuer,
		@DefaultValue("keel") String audience,
		@DefaultValue("http://auth-service/api/auth/.well-known/jwks.json") String jwkSetUri,
		@DefaultValue("true") boolean loadBalanced, @DefaultValue List<String> publicPaths) {

}
