package dev.keel.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One run of {@code keel bench data}: log in, set up {@code bench_items} (through the
 * gateway) and {@code bench_raw} (with the driver), check that both answer the query
 * alike, run every scenario, print the table, and clean up, also on Ctrl-C.
 */
final class DataBench {

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
				Settle settle = new Settle(Settle.cpuOf(this.targets.pids()), Duration.ofSeconds(2),
						this.settings.settleTimeout());
				List<ScenarioResult> results = new Scenarios(this.settings, session, seeds, settle, this.out, meters())
					.run(gateway, direct, raw);
				this.out.println();
				ResultTable.lines(results).forEach(this.out::println);
				return results.stream().anyMatch((result) -> result.measurement().errors() > 0) ? 1 : 0;
			}
			finally {
				cleanUp.run();
				removeHook(onInterrupt);
				noteLeftoverWork();
			}
		}
	}

	/**
	 * For each target, the processes on its path: the gateway (gateway only),
	 * data-service (not for the raw driver), the store, the broker, and this process, the
	 * client.
	 */
	private Map<Target, CpuMeter> meters() {
		Map<Target, CpuMeter> meters = new EnumMap<>(Target.class);
		for (Target target : Target.values()) {
			Map<String, LongSupplier> parts = new LinkedHashMap<>();
			this.targets.onPath().forEach((label, pids) -> {
				boolean onPath = switch (label) {
					case Targets.GATEWAY -> target == Target.GATEWAY;
					case Targets.DATA -> target != Target.RAW_DRIVER;
					default -> true;
				};
				if (onPath && !pids.isEmpty()) {
					parts.put(label, ProcessCpu.of(pids));
				}
			});
			parts.put(ResultTable.CLIENT, () -> ProcessCpu.nanos(ProcessHandle.current().pid()));
			meters.put(target, new CpuMeter(parts));
		}
		return meters;
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

	/**
	 * The benchmark's documents leave events that data-service's outbox may still be
	 * publishing; whoever measures next should know.
	 */
	private void noteLeftoverWork() throws InterruptedException {
		double cores = new Settle(Settle.cpuOf(this.targets.pids()), Duration.ofSeconds(2), Duration.ZERO).await();
		if (!Settle.idle(cores)) {
			this.out.printf("The platform is still busy (%.1f cores), most likely data-service's outbox publishing the "
					+ "events of the benchmark's documents. Let it finish before measuring again.%n", cores);
		}
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
