package dev.keel.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.netflix.eureka.server.ReplicationClientAdditionalFilters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.netflix.discovery.Jersey3DiscoveryClientOptionalArgs;

/**
 * HTTP Basic on everything the main port serves: registration, registry reads and the
 * dashboard. The management port (probes, metrics) stays open for the orchestrator. Peers
 * send the same credentials when they register with each other and when they replicate.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscoverySettings.class)
class DiscoverySecurity {

	private static final Logger logger = LoggerFactory.getLogger(DiscoverySecurity.class);

	@Bean
	SecurityFilterChain discoveryFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(new ManagementServerRequests())
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			// Eureka's REST clients and peers send no CSRF token; the dashboard changes
			// nothing.
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	UserDetailsService discoveryUsers(DiscoverySettings settings) {
		settings.check();
		if (settings.developmentPassword()) {
			logger.warn("Discovery uses the public LOCAL DEVELOPMENT password: set KEEL_DISCOVERY_PASSWORD for anything"
					+ " reachable by others");
		}
		// A machine secret, not a person's password: hashing it on every heartbeat would
		// cost CPU and protect nothing, as the clear value is in each process's
		// environment. It is compared in constant time (see the encoder below).
		return new InMemoryUserDetailsManager(
				User.withUsername(settings.username()).password(settings.password()).build());
	}

	/**
	 * Compares a presented password with the configured one in time that does not depend
	 * on how much of it is right ({@code {noop}} compares with {@code String.equals}).
	 */
	@Bean
	PasswordEncoder discoveryPasswordEncoder() {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return rawPassword.toString();
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return rawPassword != null && encodedPassword != null
						&& MessageDigest.isEqual(rawPassword.toString().getBytes(StandardCharsets.UTF_8),
								encodedPassword.getBytes(StandardCharsets.UTF_8));
			}

		};
	}

	@Bean
	ReplicationClientAdditionalFilters replicationClientAdditionalFilters(DiscoverySettings settings) {
		return new ReplicationClientAdditionalFilters(Set.of(basicAuthentication(settings)));
	}

	/**
	 * The client a peer registers with the other peers through (Jersey, in the server).
	 */
	@Bean
	Jersey3DiscoveryClientOptionalArgs jersey3DiscoveryClientOptionalArgs(DiscoverySettings settings) {
		Jersey3DiscoveryClientOptionalArgs args = new Jersey3DiscoveryClientOptionalArgs();
		args.setAdditionalFilters(Set.of(basicAuthentication(settings)));
		return args;
	}

	private static ClientRequestFilter basicAuthentication(DiscoverySettings settings) {
		String credentials = Base64.getEncoder()
			.encodeToString((settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
		return (request) -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
	}

}
