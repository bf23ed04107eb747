package dev.keel.bench;

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
import dev.keel.bench.BenchLogin.Credentials;
import dev.keel.cli.platform.Layout;

/**
 * {@code keel bench data}: the data-service benchmark against the running platform.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
		description = { "Measure data-service: create, get-by-id and a filtered query, through the gateway, "
				+ "directly against one data-service instance, and with the raw MongoDB driver on the same store.",
				"Needs a running platform (./keel run --detach). Prints requests/s, p50 and p99 per scenario; "
						+ "cleans up its collections at the end." })
class DataBenchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--duration", defaultValue = "15s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Measured time per scenario, e.g. 15s, 2m (default ${DEFAULT-VALUE}).")
	Duration duration;

	@Option(names = "--warmup", defaultValue = "5s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Unmeasured warm-up before each scenario (default ${DEFAULT-VALUE}).")
	Duration warmup;

	@Option(names = "--concurrency", defaultValue = "16", paramLabel = "N",
			description = "Requests in flight, each on its own virtual thread (default ${DEFAULT-VALUE}).")
	int concurrency;

	@Option(names = "--documents", defaultValue = "2000", paramLabel = "N",
			description = "Documents seeded for get-by-id and the query (default ${DEFAULT-VALUE}).")
	int documents;

	@Option(names = "--settle-timeout", defaultValue = "2m", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Before each scenario, wait up to this long for the platform to go idle, e.g. while "
					+ "data-service's outbox publishes the events of earlier writes (default ${DEFAULT-VALUE}; "
					+ "0 to not wait).")
	Duration settleTimeout;

	@Mixin
	BenchLogin login;

	@Override
	public Integer call() throws Exception {
		Keel keel = keel();
		Layout layout = keel.layout();
		PrintStream out = keel.out();
		BenchSettings settings = settings(System.getenv());
		return BenchGuard.run("data", layout, out,
				(state) -> new DataBench(settings, Targets.from(state, layout.stateFile(), System.getenv()), out)
					.run());
	}

	/** The options with the admin filled in from the environment, checked. */
	BenchSettings settings(Map<String, String> environment) {
		if (this.duration.isNegative() || this.duration.isZero()) {
			throw new ParameterException(this.spec.commandLine(), "--duration must be more than 0");
		}
		if (this.warmup.isNegative() || this.settleTimeout.isNegative()) {
			throw new ParameterException(this.spec.commandLine(), "--warmup and --settle-timeout must not be negative");
		}
		if (this.concurrency < 1 || this.concurrency > 1024) {
			throw new ParameterException(this.spec.commandLine(), "--concurrency must be between 1 and 1024");
		}
		if (this.documents < 1 || this.documents > 1_000_000) {
			throw new ParameterException(this.spec.commandLine(), "--documents must be between 1 and 1000000");
		}
		Credentials login = this.login.resolve(this.spec.commandLine(), environment);
		return new BenchSettings(this.duration, this.warmup, this.concurrency, this.documents, this.settleTimeout,
				login.email(), login.password());
	}

	private Keel keel() {
		return (Keel) this.spec.parent().parent().userObject();
	}

}
