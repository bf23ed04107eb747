package dev.keel.launcher.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of {@code keel bench data}: log in, set up {@code bench_items} (through the
 * gateway) and {@code bench_raw} (with the driver), check that both answer the query
 * alike, run every scenario, print the table, and clean up, also on Ctrl-C.
 * <p>
 * Reads run before creates, so that get-by-id and the query see the same seeded documents
 * on every target: the created documents would otherwise make the store that takes the
 * most creates (the raw driver's) the slowest to query.
 */
final class DataBench {

	private static final List<String> OPERATIONS = List.of("get-by-id", "query", "create");

	private final BenchSettings settings;

	private final Targets targets;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	DataBench(BenchSettings settings, Targets targets, PrintStream out) {
		this.settings = settings;
		this.targets = targets;
		this.out = out;
	}

	int run() throws Exception {
		AdminSession session = new AdminSession(this.http, this.targets.gateway(), this.settings.email(),
				this.settings.password());
		session.login();
		if (session.lifetime().compareTo(this.settings.perScenario().plusSeconds(30)) < 0) {
			throw new BenchAbort("A scenario (warm-up + duration: " + this.settings.perScenario().toSeconds()
					+ " s) must fit in an access token's lifetime (" + session.lifetime().toSeconds() + " s).");
		}
		DataApi gateway = new DataApi(this.http, this.targets.gateway(), session::token);
		DataApi direct = new DataApi(this.http, this.targets.direct(), session::token);
		try (RawStore raw = new RawStore(this.targets.mongoUri(), this.targets.database(),
				this.settings.concurrency())) {
			Runnable cleanUp = cleanUp(gateway, raw);
			Thread onInterrupt = new Thread(cleanUp, "keel-bench-cleanup");
			Runtime.getRuntime().addShutdownHook(onInterrupt);
			try {
				printHeader();
				Seeds seeds = Seeds.plant(gateway, direct, raw, this.settings, this.out);
				List<ScenarioResult> results = measure(session, gateway, direct, raw, seeds);
				this.out.println();
				ResultTable.lines(results).forEach(this.out::println);
				return results.stream().anyMatch((result) -> result.measurement().errors() > 0) ? 1 : 0;
			}
			finally {
				cleanUp.run();
				removeHook(onInterrupt);
			}
		}
	}

	private List<ScenarioResult> measure(AdminSession session, DataApi gateway, DataApi direct, RawStore raw,
			Seeds seeds) throws InterruptedException {
		ClosedLoop loop = new ClosedLoop(this.settings.concurrency(), this.settings.warmup(), this.settings.duration());
		List<ScenarioResult> results = new ArrayList<>();
		int total = OPERATIONS.size() * Target.values().length;
		for (String operation : OPERATIONS) {
			for (Target target : Target.values()) {
				if (target != Target.RAW_DRIVER) {
					session.login();
				}
				this.out.printf("[%d/%d] %-9s via %-10s ... %d s warm-up, %d s measured%n", results.size() + 1, total,
						operation, target.label(), this.settings.warmup().toSeconds(),
						this.settings.duration().toSeconds());
				Operation call = switch (target) {
					case GATEWAY -> seeds.operation(operation, gateway);
					case DIRECT -> seeds.operation(operation, direct);
					case RAW_DRIVER -> seeds.rawOperation(operation, raw);
				};
				Measurement measurement = loop.run(call);
				this.out.printf("      %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%s%n",
						measurement.requestsPerSecond(), measurement.p50Millis(), measurement.p99Millis(),
						measurement.errors(), (measurement.errors() > 0) ? "  <-- ERRORS" : "");
				results.add(new ScenarioResult(operation, target, measurement));
			}
		}
		return results;
	}

	private void printHeader() {
		this.out.printf("Benchmarking data-service: gateway %s, direct %s, store %s (database %s)%n",
				this.targets.gateway(), this.targets.direct(), this.targets.mongoUri(), this.targets.database());
		this.out.printf(
				"%d requests in flight, %d s warm-up + %d s per scenario, %d seeded documents; %d CPUs, "
						+ "shared by the platform and this load generator.%n",
				this.settings.concurrency(), this.settings.warmup().toSeconds(), this.settings.duration().toSeconds(),
				this.settings.documents(), Runtime.getRuntime().availableProcessors());
	}

	private Runnable cleanUp(DataApi gateway, RawStore raw) {
		AtomicBoolean done = new AtomicBoolean();
		return () -> {
			if (done.compareAndSet(false, true)) {
				this.out.println();
				this.out.print("Cleaning up: ");
				try {
					this.out.print(gateway.delete() ? "deleted " + BenchItems.COLLECTION + ", " : "");
				}
				catch (Exception ex) {
					this.out
						.print("could not delete " + BenchItems.COLLECTION + " (" + ClosedLoop.describe(ex) + "), ");
				}
				try {
					raw.drop();
					this.out.println("dropped " + BenchItems.RAW_COLLECTION + ".");
				}
				catch (RuntimeException ex) {
					this.out.println("could not drop " + BenchItems.RAW_COLLECTION + " (" + ex.getMessage() + ").");
				}
			}
		};
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down (Ctrl-C): the hook is running or has run.
		}
	}

}
