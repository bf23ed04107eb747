package dev.keel.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.keel.bench.BenchAbort;
import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.Platform;
import dev.keel.cli.platform.RunState.Running;
import dev.keel.cli.process.Health;
import dev.keel.cli.process.ProcessStarter;

/**
 * The gateway without its token check: a second gateway process beside the running
 * platform, started like the platform's own (same jar, heap and JVM options, the same
 * Eureka, the settings the run was started with) but on free ports and with
 * {@code KEEL_GATEWAY_VALIDATE_TOKENS=false}. It is not added to the run state;
 * {@link #close()} stops it, and {@code keel stop} would find it as a stray of this
 * checkout if the benchmark were killed.
 */
final class SecondGateway implements AutoCloseable {

	static final String NAME = "gateway-bench";

	static final Map<String, String> SETTINGS = Map.of("KEEL_GATEWAY_VALIDATE_TOKENS", "false");

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Component component;

	private final Process process;

	private SecondGateway(Component component, Process process) {
		this.component = component;
		this.process = process;
	}

	static SecondGateway start(Layout layout, Map<String, String> environment) throws IOException {
		Component component = component(environment);
		return new SecondGateway(component, new ProcessStarter(layout, environment).start(component));
	}

	/**
	 * The second gateway's component.
	 * @param environment the environment of the running platform's components
	 * ({@link GatewayBenchCommand#secondGatewayEnvironment})
	 */
	static Component component(Map<String, String> environment) {
		return Platform.extraInstance(NAME, "gateway", environment, SETTINGS);
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + this.component.port());
	}

	long pid() {
		return this.process.pid();
	}

	/** Waits for the readiness probe; the caller then waits until it routes. */
	void awaitReady(Duration timeout, Layout layout) throws InterruptedException {
		Running running = new Running(NAME, this.component.kind(), "gateway", this.process.pid(), this.component.port(),
				this.component.managementPort(), layout.log(NAME).toString());
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!"UP".equals(Health.of(running))) {
			if (!this.process.isAlive() || System.nanoTime() - deadline > 0) {
				throw new BenchAbort("The second gateway (validation off) did not start"
						+ (this.process.isAlive() ? " in " + timeout.toSeconds() + " s" : "") + "; its log: "
						+ layout.log(NAME));
			}
			Thread.sleep(500);
		}
	}

	/** SIGTERM, so that it deregisters from Eureka; a kill after the grace period. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
