package dev.keel.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@code keel bench auth}: make sure the bench users exist, time one hash,
 * then measure logins directly against auth-service and through the gateway at each
 * number of clients, and print the table.
 */
final class AuthBench {

	private final AuthBenchSettings settings;

	private final AuthTargets targets;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	AuthBench(AuthBenchSettings settings, AuthTargets targets, PrintStream out) {
		this.settings = settings;
		this.targets = targets;
		this.out = out;
	}

	int run() throws Exception {
		this.out.printf("Benchmarking password logins: auth-service %s directly, and the gateway %s%n",
				this.targets.direct(), this.targets.gateway());
		this.out.printf(
				"Clients %s, %d s warm-up + %d s per scenario; %d CPUs, shared by the platform and this "
						+ "load generator.%n",
				this.settings.clients(), this.settings.warmup().toSeconds(), this.settings.duration().toSeconds(),
				Runtime.getRuntime().availableProcessors());
		BenchLogins logins = BenchLogins.ensureUsers(this.http, this.targets.direct(), this.settings.users());
		Duration hash = HashTime.median(5, 15);
		boolean gatewayLimited = logins.rateLimited(this.targets.gateway());
		List<ScenarioResult> results = new ArrayList<>(measure(Target.DIRECT, this.targets.direct(), logins));
		if (!gatewayLimited) {
			results.addAll(measure(Target.GATEWAY, this.targets.gateway(), logins));
		}
		this.out.println();
		AuthResultTable.lines(results, hash, gatewayLimited).forEach(this.out::println);
		return (AuthResultTable.errors(results) > 0) ? 1 : 0;
	}

	private List<ScenarioResult> measure(Target target, URI base, BenchLogins logins) throws InterruptedException {
		List<ScenarioResult> results = new ArrayList<>();
		Settle settle = new Settle(Settle.cpuOf(this.targets.pids()), Duration.ofSeconds(2),
				this.settings.settleTimeout());
		for (int clients : this.settings.clients()) {
			double busy = settle.await();
			this.out.printf("  %s, %d clients ...%n", target.label(), clients);
			Measurement measurement = new ClosedLoop(clients, this.settings.warmup(), this.settings.duration())
				.run(logins.loginAt(base));
			results.add(new ScenarioResult(Integer.toString(clients), target, measurement, busy));
		}
		return results;
	}

}
