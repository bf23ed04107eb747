package dev.keel.gateway.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTP Basic credentials discovery requires, under {@code keel.discovery}
 * ({@code KEEL_DISCOVERY_USERNAME}, {@code KEEL_DISCOVERY_PASSWORD} in
 * {@code application.yml}).
 *
 * @param username the user the gateway authenticates as
 * @param password its password, the same as discovery's
 */
@ConfigurationProperties("keel.discovery")
record DiscoveryCredentials(String username, String password) {

	@Override
	public String toString() {
		return "DiscoveryCredentials[username=" + this.username + "]";
	}

}
