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
 * @param jwkSetUri where auth-service publishes its public signing keys: a fixed address
 * that does not go through discovery (the Kubernetes Service, the compose service name,
 * or auth-service's loopback address locally), so that an instance registered in
 * discovery under auth-service's name can never supply keys; ignored when the application
 * has its own {@code JWKSource} or {@code JwtDecoder} bean
 * @param loadBalanced whether the host of {@code jwkSetUri} is instead a service id
 * resolved through Spring Cloud LoadBalancer (Eureka); this trusts every instance that
 * can register with discovery, so it is off unless a deployment chooses it
 * @param publicPaths request paths that need no token, as Spring path patterns
 * ({@code /api/data/public/**}), optionally preceded by an HTTP method and a space
 * ({@code GET /api/data/collections/*}); a token that is sent anyway is still checked
 */
@ConfigurationProperties("keel.security")
public record KeelSecurityProperties(@DefaultValue("http://localhost:8080/api/auth") String issuer,
		@DefaultValue("keel") String audience,
		@DefaultValue("http://localhost:8081/api/auth/.well-known/jwks.json") String jwkSetUri,
		@DefaultValue("false") boolean loadBalanced, @DefaultValue List<String> publicPaths) {

}
