package dev.keel.support.security;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.keel.support.web.ProblemResponses;
import dev.keel.support.web.KeelWebAutoConfiguration;
import dev.keel.support.web.TraceIds;

/**
 * Makes a servlet service a resource server for auth-service's access tokens: every
 * request needs a valid bearer token except on {@code keel.security.public-paths}; roles
 * from the {@code roles} claim become {@code ROLE_<role>} authorities, so services guard
 * methods with {@code @PreAuthorize("hasRole('admin')")}; 401, 403 and an unreachable key
 * set answer problem+json. Active when Spring Security's resource server is on the
 * classpath ({@code spring-boot-starter-security-oauth2-resource-server}).
 * <p>
 * A service can add its own, narrower {@link SecurityFilterChain} beans (with a
 * {@code securityMatcher} and an order below {@link #FILTER_CHAIN_ORDER}) and reuse the
 * {@link JwtDecoder}, {@code AuthenticationEntryPoint} and {@link AccessDeniedHandler}
 * beans; Keel's chain stays the catch-all. A bean named {@code keelSecurityFilterChain}
 * replaces it.
 */
@AutoConfiguration(after = KeelWebAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ BearerTokenAuthenticationToken.class, JwtDecoder.class, SecurityFilterChain.class })
@EnableConfigurationProperties(KeelSecurityProperties.class)
@EnableMethodSecurity
@Import(KeelJwtDecoderConfiguration.class)
public class KeelSecurityAutoConfiguration {

	/** The order of Keel's catch-all chain: a service's own chains come first. */
	public static final int FILTER_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter keelJwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		converter.setPrincipalClaimName("sub");
		return converter;
	}

	/**
	 * No observations of Spring Security's own steps (each filter of the chain, the
	 * authentication, the authorization): on a simple read they cost about a sixth of the
	 * request's CPU, sampled or not, and their metrics ({@code spring_security_*}) are
	 * not among those Keel's operators watch. The request's own observation stays: its
	 * {@code http_server_requests} metrics, its trace, and the trace id in every log
	 * line.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings keelSecurityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	StrictHttpFirewall keelHttpFirewall() {
		return HeaderFirewall.create();
	}

	@Bean
	ProblemAuthenticationEntryPoint keelAuthenticationEntryPoint(TraceIds traceIds) {
		return new ProblemAuthenticationEntryPoint(new ProblemResponses(traceIds));
	}

	@Bean
	ProblemAccessDeniedHandler keelAccessDeniedHandler(TraceIds traceIds) {
		return new ProblemAccessDeniedHandler(new ProblemResponses(traceIds));
	}

	@Bean
	@Order(FILTER_CHAIN_ORDER)
	@ConditionalOnMissingBean(name = "keelSecurityFilterChain")
	SecurityFilterChain keelSecurityFilterChain(HttpSecurity http, KeelSecurityProperties properties,
			JwtDecoder decoder, JwtAuthenticationConverter converter, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied) {
		http.securityMatcher(new NegatedRequestMatcher(new ManagementServerRequests()))
			.authorizeHttpRequests((requests) -> {
				// Error and async dispatches belong to a request that was already
				// authorized.
				requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
				PublicPaths.permit(properties.publicPaths(), requests);
				requests.anyRequest().authenticated();
			})
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.bearerTokenResolver(new QuickBearerTokens())
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
				.withObjectPostProcessor(new BearerFailureHandling(entryPoint)));
		return http.build();
	}

	@Bean
	WebMvcConfigurer keelCurrentCallerResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentCallerArgumentResolver());
			}
		};
	}

}
