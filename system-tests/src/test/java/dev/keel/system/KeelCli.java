package dev.keel.system;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.keel.cli.Keel;

/**
 * Runs the {@code keel} command as a separate process, the way {@code ./keel} does,
 * against the checkout's built jars.
 */
final class KeelCli {

	/**
	 * How far the platform's ports are shifted; {@code -Dkeel.system.portOffset=30000}
	 * lets a second checkout run its system tests beside another.
	 */
	static final int OFFSET = Integer.getInteger("keel.system.portOffset", 20000);

	/** The bootstrap admin of the test platform; a test-only credential. */
	static final String ADMIN_EMAIL = "admin@keel.test";

	static final String ADMIN_PASSWORD = "system-test-admin-only-9f3c";

	private final Path home = Path.of(System.getProperty("keel.home", "..")).toAbsolutePath().normalize();

	private final Path stateDir = Path.of(System.getProperty("keel.stateDir", "target/keel")).toAbsolutePath();

	Result run(String... arguments) throws IOException, InterruptedException {
		Path cli = this.home.resolve("cli/target");
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-Dkeel.home=" + this.home, "-cp",
						cli.resolve("cli.jar") + File.pathSeparator + cli.resolve("lib") + File.separator + "*",
						Keel.class.getName()));
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile("keel-cli", ".out");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.directory(this.home.toFile());
		builder.environment().putAll(environment());
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("keel " + String.join(" ", arguments) + " did not finish in 5 minutes");
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		Files.delete(output);
		return new Result(process.exitValue(), text);
	}

	Map<String, String> environment() {
		return Map.ofEntries(Map.entry("KEEL_PORT_OFFSET", String.valueOf(OFFSET)),
				Map.entry("KEEL_STATE_DIR", this.stateDir.toString()), Map.entry("KEEL_MONGODB_URI", ""),
				Map.entry("KEEL_KAFKA_BOOTSTRAP_SERVERS", ""), Map.entry("KEEL_SMTP_HOST", ""),
				Map.entry("NO_COLOR", "1"), Map.entry("KEEL_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL),
				Map.entry("KEEL_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
				// Every system test is the same client IP: rate limits stay on, but far
				// above
				// what the suite sends in a minute.
				Map.entry("KEEL_RATE_LIMIT_AUTH", "100000/1m"), Map.entry("KEEL_RATE_LIMIT_USER", "100000/1m"),
				Map.entry("KEEL_RATE_LIMIT_ANONYMOUS", "100000/1m"),
				// Off by default; AnonymousUserSystemTests signs in anonymously.
				Map.entry("KEEL_ANONYMOUS_SIGNUPS_ENABLED", "true"),
				// The OpenID Connect provider of OidcSystemTests, started before the
				// platform; and where sign-ins may hand over to (the test app, and the
				// local development servers ./keel run allows by default).
				Map.entry("KEEL_AUTH_PROVIDERS", TestOidcProvider.ID + "," + TestGitHub.ID),
				Map.entry("KEEL_AUTH_PROVIDER_ACME_TYPE", "oidc"),
				Map.entry("KEEL_AUTH_PROVIDER_ACME_ISSUER", TestOidcProvider.issuer()),
				Map.entry("KEEL_AUTH_PROVIDER_ACME_CLIENT_ID", TestOidcProvider.CLIENT_ID),
				Map.entry("KEEL_AUTH_PROVIDER_ACME_CLIENT_SECRET", "system-test-provider-secret"),
				// GitHubSignInSystemTests: the GitHub preset, pointed at TestGitHub.
				Map.entry("KEEL_AUTH_PROVIDER_GITHUB_TYPE", "github"),
				Map.entry("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_ID", TestGitHub.CLIENT_ID),
				Map.entry("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_SECRET", TestGitHub.CLIENT_SECRET),
				Map.entry("KEEL_AUTH_PROVIDER_GITHUB_AUTHORIZATION_URL", TestGitHub.URL + "/login/oauth/authorize"),
				Map.entry("KEEL_AUTH_PROVIDER_GITHUB_TOKEN_URL", TestGitHub.URL + "/login/oauth/access_token"),
				Map.entry("KEEL_AUTH_PROVIDER_GITHUB_API_URL", TestGitHub.URL),
				Map.entry("KEEL_AUTH_REDIRECT_ALLOW_LIST",
						TestOidcProvider.APP_CALLBACK + ",http://localhost:3000,http://localhost:5173"));
	}

	Path home() {
		return this.home;
	}

	/** The state folder of the test platform ({@code KEEL_STATE_DIR}). */
	Path stateDir() {
		return this.stateDir;
	}

	/**
	 * The {@code Authorization} header discovery requires: user {@code keel} and the
	 * password the launcher generated in the state folder.
	 */
	String discoveryAuthorization() throws IOException {
		String password = Files.readString(this.stateDir.resolve("discovery-password"), StandardCharsets.UTF_8).trim();
		return "Basic "
				+ java.util.Base64.getEncoder().encodeToString(("keel:" + password).getBytes(StandardCharsets.UTF_8));
	}

	static int port(int base) {
		return base + OFFSET;
	}

	record Result(int exitCode, String output) {
	}

}
