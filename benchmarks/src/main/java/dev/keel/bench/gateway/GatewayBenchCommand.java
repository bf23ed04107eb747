package dev.keel.bench.gateway;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.keel.cli.Keel;
import dev.keel.bench.BenchAbort;
import dev.keel.bench.BenchGuard;
import dev.keel.bench.BenchLogin;
import dev.keel.bench.BenchLogin.Credentials;
import dev.keel.bench.FlexibleDuration;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.Platform;
import dev.keel.cli.platform.RunState;

/**
 * {@code keel bench gateway}: what the gateway costs, against the running platform.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
		description = {
				"Measure the gateway: one small authenticated GET directly against one service instance, "
						+ "through nginx as a plain reverse proxy (when nginx is installed), through a second gateway "
						+ "with token validation off, and through the platform's gateway; at peak, then at half the "
						+ "gateway's peak rate.",
				"Needs a running platform (./keel run --detach) and wrk (apt-get install wrk). Prints requests/s, "
						+ "p50 and p99 per route and the ratios gateway/direct and gateway/nginx." })
public class GatewayBenchCommand implements Callable<Integer> {

	static final String WRK_MISSING = "wrk, the load generator, is not installed. Install it (Debian or Ubuntu: "
			+ "sudo apt-get install wrk; macOS: brew install wrk) and run ./keel bench gateway again.";

	@Spec
	private CommandSpec spec;

	@Option(names = "--path", defaultValue = "/api/notifications/unread-count", paramLabel = "PATH",
			description = "The authenticated GET to measure (default ${DEFAULT-VALUE}).")
	String path;

	@Option(names = "--duration", defaultValue = "15s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Measured time per run, e.g. 15s, 1m (default ${DEFAULT-VALUE}).")
	Duration duration;

	@Option(names = "--warmup", defaultValue = "3s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Unmeasured run with the same load before each measured one (default ${DEFAULT-VALUE}).")
	Duration warmup;

	@Option(names = "--first-warmup", defaultValue = "20s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Unmeasured run of each route at peak before anything is measured, so that the JIT "
					+ "compilers of the gateways and the service have done their work (the second gateway is always "
					+ "freshly started); at least 1s, and every answer must be 200 (default ${DEFAULT-VALUE}).")
	Duration firstWarmup;

	@Option(names = "--connections", defaultValue = "32", paramLabel = "N",
			description = "wrk's keep-alive connections (default ${DEFAULT-VALUE}).")
	int connections;

	@Option(names = "--threads", defaultValue = "2", paramLabel = "N",
			description = "wrk's threads (default ${DEFAULT-VALUE}).")
	int threads;

	@Option(names = "--rate", defaultValue = "0", paramLabel = "REQ/S",
			description = "The fixed rate of the latency round (default: half the gateway's peak).")
	double rate;

	@Option(names = "--settle-timeout", defaultValue = "30s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Before each run, wait up to this long for the platform to go idle "
					+ "(default ${DEFAULT-VALUE}; 0 to not wait).")
	Duration settleTimeout;

	@Mixin
	BenchLogin login;

	@Override
	public Integer call() throws Exception {
		Keel keel = (Keel) this.spec.parent().parent().userObject();
		Layout layout = keel.layout();
		PrintStream out = keel.out();
		GatewayBenchSettings settings = settings(System.getenv());
		return BenchGuard.run("gateway", layout, out, (state) -> {
			Executables.find("wrk", System.getenv("PATH")).orElseThrow(() -> new BenchAbort(WRK_MISSING));
			GatewayTargets targets = GatewayTargets.from(state, layout.stateFile(), settings.path());
			Map<String, String> environment = secondGatewayEnvironment(state, layout, System.getenv());
			return new GatewayBench(settings, targets, layout, environment, out).run();
		});
	}

	/**
	 * The environment the second gateway starts from: the settings the running platform
	 * was started with, not this command's, and discovery's credentials, so that it
	 * registers like the run's own gateway.
	 */
	static Map<String, String> secondGatewayEnvironment(RunState state, Layout layout, Map<String, String> system) {
		return Platform.besideRun(state, layout, system);
	}

	/** The options with the user filled in from the environment, checked. */
	GatewayBenchSettings settings(Map<String, String> environment) {
		if (this.duration.isNegative() || this.duration.isZero()) {
			throw usage("--duration must be more than 0");
		}
		if (this.warmup.isNegative() || this.firstWarmup.isNegative() || this.settleTimeout.isNegative()
				|| this.rate < 0) {
			throw usage("--warmup, --first-warmup, --settle-timeout and --rate must not be negative");
		}
		if (this.threads < 1 || this.threads > 64 || this.connections < this.threads || this.connections > 10_000) {
			throw usage("--threads must be between 1 and 64, and --connections between --threads and 10000");
		}
		try {
			GatewayTargets.serviceOf(this.path);
		}
		catch (IllegalArgumentException ex) {
			throw usage("--path: " + ex.getMessage());
		}
		Credentials login = this.login.resolve(this.spec.commandLine(), environment);
		return new GatewayBenchSettings(this.path, this.duration, this.warmup, this.firstWarmup, this.threads,
				this.connections, this.rate, this.settleTimeout, login.email(), login.password());
	}

	private ParameterException usage(String message) {
		return new ParameterException(this.spec.commandLine(), message);
	}

}
