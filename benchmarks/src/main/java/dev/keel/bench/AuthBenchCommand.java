package dev.keel.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.Layout;

/**
 * {@code keel bench auth}: password logins per second against the running platform.
 */
@Command(name = "auth", mixinStandardHelpOptions = true,
		description = {
				"Measure password logins (POST /api/auth/token, grant_type=password) at 1, 16 and 64 "
						+ "concurrent clients, directly against auth-service and through the gateway, and time one "
						+ "Argon2id hash with auth-service's parameters in this process.",
				"Needs a running platform (./keel run --detach); the gateway rows need "
						+ "KEEL_RATE_LIMITS_ENABLED=false on it, since the gateway allows 20 logins per minute "
						+ "per client IP. Signs up its own users (bench-login-N@bench.keel.local) on first use." })
class AuthBenchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--duration", defaultValue = "10s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Measured time per scenario, e.g. 10s, 1m (default ${DEFAULT-VALUE}).")
	Duration duration;

	@Option(names = "--warmup", defaultValue = "3s", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Unmeasured warm-up before each scenario (default ${DEFAULT-VALUE}).")
	Duration warmup;

	@Option(names = "--clients", defaultValue = "1,16,64", split = ",", paramLabel = "N[,N...]",
			description = "Concurrent clients, one scenario per number (default ${DEFAULT-VALUE}).")
	List<Integer> clients;

	@Option(names = "--settle-timeout", defaultValue = "1m", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Before each scenario, wait up to this long for the platform to go idle "
					+ "(default ${DEFAULT-VALUE}; 0 to not wait).")
	Duration settleTimeout;

	@Override
	public Integer call() throws Exception {
		Keel keel = keel();
		Layout layout = keel.layout();
		PrintStream out = keel.out();
		AuthBenchSettings settings = settings();
		return BenchGuard.run("auth", layout, out,
				(state) -> new AuthBench(settings, AuthTargets.from(state, layout.stateFile()), out).run());
	}

	/** The options, checked. */
	AuthBenchSettings settings() {
		if (this.duration.isNegative() || this.duration.isZero()) {
			throw new ParameterException(this.spec.commandLine(), "--duration must be more than 0");
		}
		if (this.warmup.isNegative() || this.settleTimeout.isNegative()) {
			throw new ParameterException(this.spec.commandLine(), "--warmup and --settle-timeout must not be negative");
		}
		if (this.clients.isEmpty() || this.clients.stream().anyMatch((n) -> n < 1 || n > 1024)) {
			throw new ParameterException(this.spec.commandLine(), "--clients must be numbers between 1 and 1024");
		}
		return new AuthBenchSettings(this.duration, this.warmup, this.clients, this.settleTimeout);
	}

	private Keel keel() {
		return (Keel) this.spec.parent().parent().userObject();
	}

}
