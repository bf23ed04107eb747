package dev.keel.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use discovery, under {@code keel.discovery}, and which profile the platform
 * runs in ({@code keel.profile}). Registration, registry reads, replication between peers
 * and the dashboard all need these credentials; the management port's probes do not.
 *
 * @param username the user that services, the gateway and peers authenticate as
 * @param password its password; the published development default is refused with
 * {@code KEEL_PROFILE=production}
 * @param profile {@code local} (the default) or {@code production}
 */
@ConfigurationProperties("keel.discovery")
record DiscoverySettings(String username, String password, String profile) {

	/** Public (it is in the repository): for a platform on one's own machine only. */
	static final String DEVELOPMENT_PASSWORD = "keel-local-dev-discovery";

	boolean production() {
		return "production".equalsIgnoreCase(this.profile.trim());
	}

	boolean developmentPassword() {
		return DEVELOPMENT_PASSWORD.equals(this.password);
	}

	/**
	 * Fails start-up when the credentials cannot protect anything: no username or
	 * password, or the public development password in production.
	 */
	void check() {
		if (this.username == null || this.username.isBlank() || this.password == null || this.password.isBlank()) {
			throw new IllegalStateException("Discovery needs credentials: set KEEL_DISCOVERY_USERNAME and"
					+ " KEEL_DISCOVERY_PASSWORD (the same values for discovery and every service).");
		}
		if (production() && developmentPassword()) {
			throw new IllegalStateException("KEEL_PROFILE=production refuses discovery's local-development password:"
					+ " set KEEL_DISCOVERY_PASSWORD to a secret of your own (e.g. openssl rand -hex 24), the same for"
					+ " discovery and every service (Kubernetes: Secret keel-discovery).");
		}
	}

}
