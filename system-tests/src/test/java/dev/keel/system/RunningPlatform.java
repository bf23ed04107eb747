package dev.keel.system;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import dev.keel.system.KeelCli.Result;

/**
 * Starts the platform once per test run, with {@code keel run --detach --clean --scale
 * data-service=2}, for every system test class that uses it; {@link PlatformSystemTests},
 * ordered last, stops it and checks that nothing is left. Should a run end without that
 * class, the platform is stopped when JUnit closes the store.
 */
class RunningPlatform implements BeforeAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(RunningPlatform.class);

	static final KeelCli keel = new KeelCli();

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, (key) -> start(), Started.class);
	}

	private static Started start() {
		try {
			keel.run("stop");
			Result run = keel.run("run", "--detach", "--clean", "--scale", "data-service=2", "--timeout", "240");
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
