package dev.keel.cli.platform;

import java.util.Map;
import java.util.Optional;

/**
 * The admin that auth-service creates at start-up on a local platform: the one named by
 * {@code KEEL_BOOTSTRAP_ADMIN_EMAIL} and {@code KEEL_BOOTSTRAP_ADMIN_PASSWORD}, or, when
 * neither is set, a development default, so that a fresh {@code keel run} has an admin to
 * define collections with. The default is never used with
 * {@code KEEL_PROFILE=production}, and a half-configured pair (only one of the two set)
 * gives no admin at all rather than mixing the user's value with the default.
 *
 * @param email the admin's email
 * @param password the admin's password
 * @param developmentDefault whether this is the built-in default rather than the
 * environment's
 */
public record LocalAdmin(String email, String password, boolean developmentDefault) {

	public static final String EMAIL_VARIABLE = "KEEL_BOOTSTRAP_ADMIN_EMAIL";

	public static final String PASSWORD_VARIABLE = "KEEL_BOOTSTRAP_ADMIN_PASSWORD";

	/**
	 * Passes auth-service's password policy: long enough and not on its list of common
	 * passwords.
	 */
	static final LocalAdmin DEVELOPMENT_DEFAULT = new LocalAdmin("admin@keel.local", "keel-local-dev-admin", true);

	public static Optional<LocalAdmin> from(Map<String, String> environment) {
		String email = environment.getOrDefault(EMAIL_VARIABLE, "");
		String password = environment.getOrDefault(PASSWORD_VARIABLE, "");
		if (!email.isBlank() && !password.isBlank()) {
			return Optional.of(new LocalAdmin(email, password, false));
		}
		boolean production = "production".equalsIgnoreCase(environment.getOrDefault("KEEL_PROFILE", "").trim());
		if (email.isBlank() && password.isBlank() && !production) {
			return Optional.of(DEVELOPMENT_DEFAULT);
		}
		return Optional.empty();
	}

	/** The line for the run summary; the password only when it is the public default. */
	public String summary() {
		if (this.developmentDefault) {
			return String.format("Local admin: %s / %s (development default; set %s/PASSWORD to change)", this.email,
					this.password, EMAIL_VARIABLE);
		}
		return String.format("Admin: %s (from %s/PASSWORD)", this.email, EMAIL_VARIABLE);
	}

	@Override
	public String toString() {
		return "LocalAdmin[email=" + this.email + ", developmentDefault=" + this.developmentDefault + "]";
	}

}
