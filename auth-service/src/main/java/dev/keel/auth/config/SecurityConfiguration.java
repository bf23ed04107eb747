package dev.keel.auth.config;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.keel.support.security.KeelSecurityAutoConfiguration;

/**
 * Who may call what in auth-service. Everything under {@code /api/auth} needs a valid
 * access token except the anonymous endpoints (signup, token, revoke, email verification,
 * password reset, the provider sign-in's authorize and callback, the well-known
 * documents, the OpenAPI document), and so are the account pages under
 * {@code /account/**}; {@code /api/auth/admin/**} needs the {@code admin} role, which the
 * admin controllers also demand with {@code @PreAuthorize}. This chain runs before Keel's
 * shared catch-all chain and reuses its pieces: the token decoder (built on this
 * service's own keys, the {@code JWKSource} bean, so without HTTP), the {@code roles}
 * converter, and the problem+json 401 and 403 answers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final RequestMatcher ANONYMOUS_ENDPOINTS = new OrRequestMatcher(path(null, "/api/auth/signup"),
			path(null, "/api/auth/token"), path(null, "/api/auth/revoke"), path(null, "/api/auth/email/verify"),
			path(null, "/api/auth/password/forgot"), path(null, "/api/auth/password/reset"),
			path(null, "/api/auth/otp"), path(HttpMethod.GET, "/api/auth/authorize"),
			path(HttpMethod.GET, "/api/auth/callback/*"), path(HttpMethod.GET, "/api/auth/.well-known/**"),
			path(HttpMethod.GET, "/api/auth/v3/api-docs/**"), path(null, "/account/**"));

	@Bean
	@Order(KeelSecurityAutoConfiguration.FILTER_CHAIN_ORDER - 1)
	SecurityFilterChain authSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
			JwtAuthenticationConverter converter, AuthenticationEntryPoint unauthorized,
			AccessDeniedHandler forbidden) {
		http.securityMatcher("/api/auth/**", "/account/**")
			.authorizeHttpRequests(
					(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
						.permitAll()
						.requestMatchers(ANONYMOUS_ENDPOINTS)
						.permitAll()
						.requestMatchers("/api/auth/admin/**")
						.hasRole("admin")
						.anyRequest()
						.authenticated())
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
						.bearerTokenResolver(ignoredOnAnonymousEndpoints())
						.authenticationEntryPoint(unauthorized)
						.accessDeniedHandler(forbidden))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * A stale token sent along to an anonymous endpoint (a client refreshing with an
	 * expired access token still attached) must not turn it into a 401.
	 */
	private static BearerTokenResolver ignoredOnAnonymousEndpoints() {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		return (request) -> ANONYMOUS_ENDPOINTS.matches(request) ? null : resolver.resolve(request);
	}

	private static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

}
