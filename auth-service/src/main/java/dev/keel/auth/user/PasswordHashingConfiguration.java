package dev.keel.auth.user;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at OWASP's parameters (19 MiB, 2 iterations, parallelism 1) behind a
 * delegating encoder: hashes carry their scheme ({@code {argon2@v1}...}), so the
 * parameters can be raised later under a new id and old hashes are upgraded at the next
 * successful login. The whole encoder sits behind a {@link BoundedPasswordEncoder}, so
 * every hash and verification (login, signup, password change and reset) shares one
 * bounded number of slots.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PasswordHashingConfiguration.class);

	static final String CURRENT = "argon2@v1";

	@Bean
	PasswordEncoder passwordEncoder(UserProperties properties) {
		Argon2PasswordEncoder owasp = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		PasswordEncoder argon2 = new DelegatingPasswordEncoder(CURRENT, Map.of(CURRENT, owasp));
		UserProperties.Hashing hashing = properties.hashing();
		int permits = (hashing.maxConcurrent() > 0) ? hashing.maxConcurrent() : BoundedPasswordEncoder
			.permitsFor(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
		log.info("Password hashing: at most {} at once, callers wait up to {} for a slot", permits, hashing.maxWait());
		return new BoundedPasswordEncoder(argon2, permits, hashing.maxWait());
	}

}
