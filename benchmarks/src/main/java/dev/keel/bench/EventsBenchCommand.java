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

import dev.keel.bench.BenchLogin.Credentials;
import dev.keel.cli.Keel;
import dev.keel.cli.platform.Layout;

/**
 * {@code keel bench events}: how fast a document write reaches a subscriber's stream, and
 * how fast data-service's outbox catches up after a burst of creates.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
		description = { "Measure events: the latency from a document write to its notification on a subscriber's "
				+ "SSE stream (through the gateway), and the time data-service's outbox needs, after a burst of "
				+ "creates through the gateway and one straight to a data-service instance, to publish their "
				+ "events.",
				"Needs a running platform (KEEL_RATE_LIMITS_ENABLED=false ./keel run --detach); deletes its "
						+ "collection at the end." })
class EventsBenchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--writes", defaultValue = "200", paramLabel = "N",
			description = "Documents written one after another for the latency (default ${DEFAULT-VALUE}).")
	int writes;

	@Option(names = "--burst", defaultValue = "15s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "How long the create burst lasts (default ${DEFAULT-VALUE}).")
	Duration burst;

	@Option(names = "--concurrency", defaultValue = "16", paramLabel = "N",
			description = "Creates in flight during the burst through the gateway (default ${DEFAULT-VALUE}).")
	int concurrency;

	@Option(names = "--burst-concurrency", defaultValue = "32", paramLabel = "N",
			description = "Creates in flight during the direct burst, sent to one data-service instance's own "
					+ "port (default ${DEFAULT-VALUE}).")
	int burstConcurrency;

	@Option(names = "--settle-timeout", defaultValue = "2m", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Before each part, wait up to this long for the platform to go idle "
					+ "(default ${DEFAULT-VALUE}; 0 to not wait).")
	Duration settleTimeout;

	@Option(names = "--catch-up-timeout", defaultValue = "10m", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "How long to wait for the burst's events to be published (default ${DEFAULT-VALUE}).")
	Duration catchUpTimeout;

	@Mixin
	BenchLogin login;

	@Override
	public Integer call() throws Exception {
		Keel keel = keel();
		Layout layout = keel.layout();
		PrintStream out = keel.out();
		EventsBenchSettings settings = settings(System.getenv());
		return BenchGuard.run("events", layout, out, (
				state) -> new EventsBench(settings, EventsTargets.from(state, layout.stateFile(), System.getenv()), out)
					.run());
	}

	/** The options with the admin filled in from the environment, checked. */
	EventsBenchSettings settings(Map<String, String> environment) {
		if (this.writes < 1 || this.writes > 100_000) {
			throw new ParameterException(this.spec.commandLine(), "--writes must be between 1 and 100000");
		}
		if (this.burst.isNegative() || this.burst.isZero()) {
			throw new ParameterException(this.spec.commandLine(), "--burst must be more than 0");
		}
		if (this.concurrency < 1 || this.concurrency > 1024 || this.burstConcurrency < 1
				|| this.burstConcurrency > 1024) {
			throw new ParameterException(this.spec.commandLine(),
					"--concurrency and --burst-concurrency must be between 1 and 1024");
		}
		if (this.settleTimeout.isNegative() || this.catchUpTimeout.isNegative()) {
			throw new ParameterException(this.spec.commandLine(),
					"--settle-timeout and --catch-up-timeout must not be negative");
		}
		Credentials admin = this.login.resolve(this.spec.commandLine(), environment);
		return new EventsBenchSettings(this.writes, this.burst, this.concurrency, this.burstConcurrency,
				this.settleTimeout, this.catchUpTimeout, admin.email(), admin.password());
	}

	private Keel keel() {
		return (Keel) this.spec.parent().parent().userObject();
	}

}
