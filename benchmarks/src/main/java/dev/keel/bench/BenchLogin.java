package dev.keel.bench;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import dev.keel.cli.platform.LocalAdmin;

/**
 * The benchmarks' {@code --email} and {@code --password} (a picocli mixin): who they log
 * in as, by default the bootstrap admin of the environment or of {@code ./keel run}.
 */
public final class BenchLogin {

	@Option(names = "--email", paramLabel = "EMAIL", description = "Who to log in as (default: "
			+ "KEEL_BOOTSTRAP_ADMIN_EMAIL, else the local development admin of ./keel run).")
	String email;

	@Option(names = "--password", paramLabel = "PASSWORD", description = "Their password (default: "
			+ "KEEL_BOOTSTRAP_ADMIN_PASSWORD, else the local development admin's).")
	String password;

	/**
	 * The email and password to log in with.
	 * @param commandLine the command, for a usage error
	 * @param environment the environment with the bootstrap admin's variables, if set
	 * @return the credentials
	 * @throws ParameterException when neither the options nor the environment name anyone
	 */
	public Credentials resolve(CommandLine commandLine, Map<String, String> environment) {
		LocalAdmin admin = LocalAdmin.from(environment).orElse(null);
		String user = (this.email != null) ? this.email : (admin != null) ? admin.email() : null;
		String secret = (this.password != null) ? this.password : (admin != null) ? admin.password() : null;
		if (user == null || secret == null) {
			throw new ParameterException(commandLine, "No one to log in as: pass --email and --password, "
					+ "or set both KEEL_BOOTSTRAP_ADMIN_EMAIL and KEEL_BOOTSTRAP_ADMIN_PASSWORD");
		}
		return new Credentials(user, secret);
	}

	/**
	 * Who to log in as.
	 *
	 * @param email the email
	 * @param password the password
	 */
	public record Credentials(String email, String password) {

	}

}
