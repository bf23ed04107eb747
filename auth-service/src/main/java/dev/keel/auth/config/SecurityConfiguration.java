package dev.keel.auth.config;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.keel.support.web.Problems;
import dev.keel.support.web.TraceIds;

/**
 * Who may call what in auth-service, all in one place. Everything under {@code /api/auth}
 * needs a valid access token except the anonymous endpoints (signup, token, revoke, email
 * verification, password reset, the well-known documents); {@code /api/auth/admin/**}
 * needs the {@code admin} role, which the admin controllers also demand with
 * {@code @PreAuthorize}. Tokens are validated against this service's own keys (the
 * {@link JWKSource} bean), without HTTP: RS256 only, with {@code iss}, {@code aud} and
 * {@code exp} checked; the {@code roles} claim becomes {@code ROLE_<role>} authorities. A
 * missing or bad token is a 401 problem with {@code WWW-Authenticate: Bearer}, a missing
 * role a 403 problem.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	private static final RequestMatcher ANONYMOUS_ENDPOINTS = new OrRequestMatcher(path(null, "/api/auth/signup"),
			path(null, "/api/auth/token"), path(null, "/api/auth/revoke"), path(null, "/api/auth/email/verify"),
			path(null, "/api/auth/password/forgot"), path(null, "/api/auth/password/reset"),
			path(HttpMethod.GET, "/api/auth/.well-known/**"));

	@Bean
	SecurityFilterChain authSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, TraceIds traceIds) {
		ProblemResponses problems = new ProblemResponses(traceIds);
		http.securityMatcher("/api/auth/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(ANONYMOUS_ENDPOINTS)
				.permitAll()
				.requestMatchers("/api/auth/admin/**")
				.hasRole("admin")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesAsAuthorities()))
				.bearerTokenResolver(ignoredOnAnonymousEndpoints())
				.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, TokenProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator(properties.tokens().clockSkew());
		expiry.setAllowEmptyExpiryClaim(false);
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(expiry,
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(TokenProperties.AUDIENCE))));
		return decoder;
	}

	private static JwtAuthenticationConverter rolesAsAuthorities() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
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

	/** Writes 401 and 403 answers as Keel problem documents. */
	static final class ProblemResponses {

		private static final JsonMapper json = JsonMapper.builder().build();

		private final TraceIds traceIds;

		ProblemResponses(TraceIds traceIds) {
			this.traceIds = traceIds;
		}

		/**
		 * A 401 with an RFC 6750 challenge: {@code error="invalid_token"} for a bad
		 * token.
		 */
		void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
				throws IOException {
			boolean badToken = ex instanceof OAuth2AuthenticationException;
			String detail = badToken ? "The access token is invalid or has expired."
					: "A bearer access token is required.";
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					badToken ? "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"" : "Bearer");
			write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", detail);
		}

		void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
				throws IOException {
			write(request, response, HttpStatus.FORBIDDEN, "forbidden", "The access token lacks the role this needs.");
		}

		private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
				String detail) throws IOException {
			ProblemDetail problem = Problems.of(status, code, detail);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
			body.put("title", status.getReasonPhrase());
			body.put("status", status.value());
			body.put("detail", problem.getDetail());
			body.put("instance", request.getRequestURI());
			body.putAll(problem.getProperties());
			body.put(Problems.TRACE_ID, this.traceIds.current(request));
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), body);
		}

	}

	/**
	 * Rethrows Spring Security's exceptions from controllers before the shared problem
	 * handler turns them into a 500, so that the filter chain answers them (401 for
	 * anonymous callers, 403 otherwise). Registered as a member class of this
	 * configuration.
	 */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static final class MethodSecurityExceptions {

		@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
		void rethrow(RuntimeException ex) {
			throw ex;
		}

	}

}
