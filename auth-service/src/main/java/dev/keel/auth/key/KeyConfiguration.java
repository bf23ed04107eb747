package dev.keel.auth.key;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.keel.auth.config.DeploymentProfile;

/**
 * The master key, loaded (or, for local development, created) once at start-up, so a
 * production instance without {@code KEEL_AUTH_MASTER_KEY} fails before it serves
 * anything.
 */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

	@Bean
	MasterKey masterKey(KeyProperties properties, DeploymentProfile profile) {
		return MasterKeyLoader.load(properties, profile);
	}

}
