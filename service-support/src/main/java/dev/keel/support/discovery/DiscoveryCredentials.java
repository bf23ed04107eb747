package dev.keel.support.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTP Basic credentials discovery requires, under {@code keel.discovery}. Services
 * map {@code KEEL_DISCOVERY_USERNAME} and {@code KEEL_DISCOVERY_PASSWORD} onto these in
 * their {@code application.yml}.
 *
 * @param username the user every service authenticates as
 * @param password its password, the same as discovery's
 */
@ConfigurationProperties("keel.discovery")
public record DiscoveryCredentials(String username, String password) {

	@Override
	public String toString() {
		return "DiscoveryCredentials[username=" + this.username + "]";
	}

}
