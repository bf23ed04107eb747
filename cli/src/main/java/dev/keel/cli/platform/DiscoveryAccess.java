package dev.keel.cli.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * The credentials of a local platform's discovery: {@code KEEL_DISCOVERY_USERNAME} and
 * {@code KEEL_DISCOVERY_PASSWORD} when the environment sets the password, otherwise user
 * {@code keel} with a random password generated once per state folder and kept in
 * {@code <state folder>/discovery-password} (readable by its owner only), so that every
 * run of the same checkout uses the same one and {@code curl -u} finds it.
 *
 * @param username the user discovery and every service agree on
 * @param password its password
 * @param file where the generated password is kept; {@code null} when it came from the
 * environment
 */
public record DiscoveryAccess(String username, String password, Path file) {

	public static final String USERNAME_VARIABLE = "KEEL_DISCOVERY_USERNAME";

	public static final String PASSWORD_VARIABLE = "KEEL_DISCOVERY_PASSWORD";

	static final String DEFAULT_USERNAME = "keel";

	/**
	 * The environment's credentials, or the state folder's generated password, created on
	 * first use.
	 * @param layout the state folder
	 * @param environment the launcher's environment
	 * @return the credentials to give discovery and every service
	 */
	public static DiscoveryAccess of(Layout layout, Map<String, String> environment) {
		String username = environment.getOrDefault(USERNAME_VARIABLE, "").trim();
		username = username.isEmpty() ? DEFAULT_USERNAME : username;
		String password = environment.getOrDefault(PASSWORD_VARIABLE, "");
		if (!password.isBlank()) {
			return new DiscoveryAccess(username, password, null);
		}
		Path file = layout.discoveryPasswordFile();
		return new DiscoveryAccess(username, SecretFile.readOrCreate(file, "discovery password"), file);
	}

	/** The variables that give discovery, and every service, these credentials. */
	public Map<String, String> variables() {
		return Map.of(USERNAME_VARIABLE, this.username, PASSWORD_VARIABLE, this.password);
	}

	/** The value of an {@code Authorization} header for discovery. */
	public String authorization() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((this.username + ":" + this.password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * For the run summary and {@code keel status}: where discovery is and where to find
	 * its password.
	 * @param url discovery's address
	 * @return one line
	 */
	public String summary(String url) {
		if (this.file == null) {
			return String.format("Discovery: %s (user %s, password from %s)", url, this.username, PASSWORD_VARIABLE);
		}
		return String.format("Discovery: %s (user %s, password in %s: curl -u %s:$(cat %s) %s/eureka/apps)", url,
				this.username, this.file, this.username, this.file, url);
	}

	@Override
	public String toString() {
		return "DiscoveryAccess[username=" + this.username + ", file=" + this.file + "]";
	}

}
