package dev.keel.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks bearer tokens, under {@code keel.gateway.security}. The issuer,
 * key set URL and load balancing mean the same as the services' {@code keel.security.*}
 * and are mapped from the same environment variables in {@code application.yml}.
 *
 * @param validateTokens whether tokens are checked and anonymous requests confined to the
 * allow-list; {@code false} only to measure the gateway without them (the benchmark),
 * never in a deployment: the services still check tokens, but the edge no longer does
 * @param issuer the exact {@code iss} that tokens must carry
 * @param audience a value that the {@code aud} claim must contain
 * @param jwkSetUri where auth-service publishes its public signing keys: a fixed address
 * that does not go through discovery, so that an instance registered under auth-service's
 * name can never supply keys
 * @param loadBalanced whether the host of {@code jwkSetUri} is instead a service id
 * resolved through the load balancer (Eureka), trusting every instance that can register;
 * off unless a deployment chooses it
 * @param clockSkew how far the clocks of auth-service and the gateway may drift apart
 * when {@code exp}, {@code nbf} and {@code iat} are checked
 * @param jwksMaxAge how long fetched keys are used before they are fetched again in the
 * background, so that keys auth-service retired stop being accepted
 * @param jwksMinRefreshInterval how long after a fetch that did not turn up a token's
 * {@code kid} (or failed) the next token with an unknown {@code kid} may cause another
 * one; tokens with made-up key ids cannot make the gateway hammer auth-service
 * @param anonymousRoutes routes that need no token, in addition to the built-in ones
 * ({@link AnonymousRoutes}): {@code METHOD[,METHOD...] /path/pattern}
 */
@ConfigurationProperties("keel.gateway.security")
record EdgeSecuritySettings(@DefaultValue("true") boolean validateTokens,
		@DefaultValue("http://localhost:8080/api/auth") String issuer, @DefaultValue("keel") String audience,
		@DefaultValue("http://localhost:8081/api/auth/.well-known/jwks.json") URI jwkSetUri,
		@DefaultValue("false") boolean loadBalanced, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("5m") Duration jwksMaxAge, @DefaultValue("10s") Duration jwksMinRefreshInterval,
		@DefaultValue List<String> anonymousRoutes) {

}
