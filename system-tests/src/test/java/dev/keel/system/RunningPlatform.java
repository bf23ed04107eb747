package dev.keel.system;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import tools.jackson.databind.JsonNode;

import dev.keel.system.KeelCli.Result;

/**
 * Starts the platform once per test run, with {@code keel run --detach --clean --scale
 * data-service=2,notification-service=2}, for every system test class that uses it;
 * {@link PlatformSystemTests}, ordered last, stops it and checks that nothing is left.
 * Should a run end without that class, the platform is stopped when JUnit closes the
 * store.
 */
class RunningPlatform implements BeforeAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(RunningPlatform.class);

	static final KeelCli keel = new KeelCli();

	/** Two instances of the services whose scaling the tests check. */
	static final String SCALE = "data-service=2,notification-service=2";

	/**
	 * The arguments of {@code keel run} for the test platform, wiping earlier state or
	 * not.
	 */
	static String[] run(boolean clean) {
		return clean ? new String[] { "run", "--detach", "--clean", "--scale", SCALE, "--timeout", "300" }
				: new String[] { "run", "--detach", "--scale", SCALE, "--timeout", "300" };
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, (key) -> start(), Started.class);
	}

	private static Started start() {
		try {
			TestOidcProvider.start();
			TestGitHub.standIn();
			keel.run("stop");
			Result run = keel.run(run(true));
			System.out.println(run.output());
			if (run.exitCode() != 0) {
				throw new IllegalStateException("keel run failed:\n" + run.output());
			}
			return new Started(run.output());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the platform", ex);
		}
	}

	/** The platform's components as {@code keel status --json} lists them. */
	static List<JsonNode> components() throws Exception {
		Result status = keel.run("status", "--json");
		if (status.exitCode() != 0) {
			throw new IllegalStateException("keel status failed:\n" + status.output());
		}
		return Api.json.readTree(status.output()).path("components").valueStream().toList();
	}

	/** The management ports of a service's instances, for their metrics. */
	static List<Integer> managementPorts(String service) throws Exception {
		return components().stream()
			.filter((component) -> component.path("name").asString().startsWith(service))
			.map((component) -> component.path("managementPort").asInt())
			.toList();
	}

	/** The running platform; closing it stops whatever is still running. */
	record Started(String output) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			keel.run("stop");
		}

		List<String> lines() {
			return this.output.lines().toList();
		}

	}

}
