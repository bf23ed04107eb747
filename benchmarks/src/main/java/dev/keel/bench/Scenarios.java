package dev.keel.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The nine scenarios, one after the other: each operation against the raw driver, one
 * data-service instance and the gateway, from the store up to the client's full path.
 * <p>
 * Reads run before creates, so that get-by-id and the query see the same seeded documents
 * on every target (the embedded store scans rather than uses non-unique indexes, so more
 * documents make queries slower). Before each scenario the platform is given time to go
 * idle ({@link Settle}); a scenario that starts on a busy platform is marked.
 */
final class Scenarios {

	static final List<String> OPERATIONS = List.of("get-by-id", "query", "create");

	private final BenchSettings settings;

	private final AdminSession session;

	private final Seeds seeds;

	private final Settle settle;

	private final PrintStream out;

	private final Map<Target, CpuMeter> meters;

	Scenarios(BenchSettings settings, AdminSession session, Seeds seeds, Settle settle, PrintStream out,
			Map<Target, CpuMeter> meters) {
		this.settings = settings;
		this.session = session;
		this.seeds = seeds;
		this.settle = settle;
		this.out = out;
		this.meters = meters;
	}

	List<ScenarioResult> run(DataApi gateway, DataApi direct, RawStore raw) throws InterruptedException {
		ClosedLoop loop = new ClosedLoop(this.settings.concurrency(), this.settings.warmup(), this.settings.duration());
		List<ScenarioResult> results = new ArrayList<>();
		int total = OPERATIONS.size() * Target.values().length;
		for (String operation : OPERATIONS) {
			for (Target target : Target.values()) {
				this.out.printf("[%d/%d] %-9s via %-10s ... ", results.size() + 1, total, operation, target.label());
				this.out.flush();
				double busy = settle();
				if (target != Target.RAW_DRIVER) {
					this.session.login();
				}
				Operation call = switch (target) {
					case GATEWAY -> this.seeds.operation(operation, gateway);
					case DIRECT -> this.seeds.operation(operation, direct);
					case RAW_DRIVER -> this.seeds.rawOperation(operation, raw);
				};
				ClosedLoop.Metered metered = loop.run(call, this.meters.get(target));
				Measurement measurement = metered.measurement();
				this.out.printf("      %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%s%n",
						measurement.requestsPerSecond(), measurement.p50Millis(), measurement.p99Millis(),
						measurement.errors(), (measurement.errors() > 0) ? "  <-- ERRORS" : "");
				results.add(new ScenarioResult(operation, target, measurement, busy, metered.cpu()));
			}
		}
		return results;
	}

	private double settle() throws InterruptedException {
		long started = System.nanoTime();
		double cores = this.settle.await();
		long waited = Math.round((System.nanoTime() - started) / 1e9);
		String state = Settle.idle(cores) ? String.format("idle after %d s", waited)
				: String.format("STILL BUSY after %d s (%.1f cores), measuring anyway", waited, cores);
		this.out.printf("%s; %d s warm-up, %d s measured%n", state, this.settings.warmup().toSeconds(),
				this.settings.duration().toSeconds());
		return cores;
	}

}
