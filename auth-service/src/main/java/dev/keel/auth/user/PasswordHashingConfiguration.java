package dev.keel.auth.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at OWASP's parameters (19 MiB, 2 iterations, parallelism 1) behind a
 * delegating encoder: hashes carry their scheme ({@code {argon2@v1}...}), so the
 * parameters can be raised later under a new id and old hashes are upgraded at the next
 * successful login.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

	static final String CURRENT = "argon2@v1";

	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder owasp = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		return new DelegatingPasswordEncoder(CURRENT, Map.of(CURRENT, owasp));
	}

}
