package dev.keel.bench.gateway;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.keel.bench.AdminSession;
import dev.keel.bench.CpuMeter;
import dev.keel.bench.CpuUse;
import dev.keel.bench.Settle;

/**
 * The runs, one route after the other. First every route's first warm-up, unmeasured: wrk
 * at peak for {@code --first-warmup} (at least a second), so that its JVMs have compiled
 * the path, and a check that every answer was 200 ({@link RouteCheck#firstAnswers}). Then
 * the measured rounds: one at peak (as fast as wrk's connections go), then one at a fixed
 * rate for every route. Before each measured run the platform is given time to go idle,
 * the user logs in again (access tokens live 15 minutes), and wrk warms the route up with
 * the same load for {@code --warmup}, unmeasured.
 */
final class Rounds {

	private final GatewayBenchSettings settings;

	private final Wrk wrk;

	private final AdminSession session;

	private final Settle settle;

	private final OtherWork otherWork;

	private final RouteCheck check;

	private final PrintStream out;

	private final List<String> failures = new ArrayList<>();

	private final Map<Route, CpuUse> cpu = new EnumMap<>(Route.class);

	/** How long each process's idle use is measured before a run whose CPU is counted. */
	static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);

	/** Other work from which on a run is marked. */
	static final double BUSY_MACHINE = 0.3;

	/** The shortest first warm-up: enough load to meet a rate limit. */
	private static final Duration SHORTEST_FIRST_WARMUP = Duration.ofSeconds(1);

	private double mostOtherWork = Double.NaN;

	private static final RouteCheck.Answer OK = new RouteCheck.Answer(200, "");

	private int done;

	private int total;

	Rounds(GatewayBenchSettings settings, Wrk wrk, AdminSession session, Settle settle, OtherWork otherWork,
			RouteCheck check, PrintStream out) {
		this.settings = settings;
		this.wrk = wrk;
		this.session = session;
		this.settle = settle;
		this.otherWork = otherWork;
		this.check = check;
		this.out = out;
	}

	void plan(int runs) {
		this.total = runs;
	}

	/**
	 * Every route's first warm-up, at peak; stops the benchmark at the first route whose
	 * answers were not all 200.
	 */
	void warmUp(Map<Route, URI> urls) throws Exception {
		Duration warmup = firstWarmup(this.settings);
		for (Map.Entry<Route, URI> route : urls.entrySet()) {
			this.out.printf("warm-up     %-23s ", route.getKey().label());
			this.out.flush();
			this.session.login();
			WrkRun run = this.wrk.run(route.getValue(), this.session.token(), warmup, 0);
			RouteCheck.firstAnswers(route.getKey(), route.getValue(), run,
					(run.errors() > 0) ? this.check.get(route.getValue(), this.session.token()) : OK);
			this.out.printf("%,d answers, all 200%n", run.requests());
		}
	}

	/** {@code --first-warmup}, at least {@link #SHORTEST_FIRST_WARMUP}. */
	static Duration firstWarmup(GatewayBenchSettings settings) {
		return (settings.firstWarmup().compareTo(SHORTEST_FIRST_WARMUP) < 0) ? SHORTEST_FIRST_WARMUP
				: settings.firstWarmup();
	}

	/**
	 * One run per route.
	 * @param rate requests per second for every route, or 0 for each route's peak
	 */
	Map<Route, WrkRun> run(Map<Route, URI> urls, double rate) throws Exception {
		return run(urls, rate, Map.of());
	}

	/**
	 * One run per route, and the CPU time per request of the processes on each route that
	 * has a meter: their use during the measured run, less their idle use, sampled on the
	 * idle platform for {@link #IDLE_SAMPLE} before the warm-up ({@link #cpu()}).
	 * @param rate requests per second for every route, or 0 for each route's peak
	 */
	Map<Route, WrkRun> run(Map<Route, URI> urls, double rate, Map<Route, CpuMeter> meters) throws Exception {
		Map<Route, WrkRun> results = new EnumMap<>(Route.class);
		for (Map.Entry<Route, URI> route : urls.entrySet()) {
			this.out.printf("[%d/%d] %-5s %-23s ", ++this.done, this.total, (rate > 0) ? "fixed" : "peak",
					route.getKey().label());
			this.out.flush();
			this.otherWork.start();
			double busy = this.settle.await();
			double others = this.otherWork.cores();
			this.mostOtherWork = Double.isNaN(others) ? this.mostOtherWork : Math.max(this.mostOtherWork, others);
			CpuMeter meter = meters.get(route.getKey());
			Map<String, Double> idle = (meter != null) ? meter.idle(IDLE_SAMPLE) : Map.of();
			this.session.login();
			if (!this.settings.warmup().isZero()) {
				this.wrk.run(route.getValue(), this.session.token(), this.settings.warmup(), rate);
			}
			CpuMeter.Snapshot start = (meter != null) ? meter.snapshot() : null;
			WrkRun run = this.wrk.run(route.getValue(), this.session.token(), this.settings.duration(), rate);
			if (meter != null) {
				this.cpu.put(route.getKey(), meter.snapshot().perRequestSince(start, run.requests(), idle));
			}
			this.out.printf("%,9.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s%s%n", run.requestsPerSecond(), run.p50Millis(),
					run.p99Millis(), note(busy, others), (run.errors() > 0) ? "  <-- " + run.errors() + " ERRORS" : "");
			if (run.errors() > 0) {
				noteFailure(route.getKey(), route.getValue(), run, rate);
			}
			results.put(route.getKey(), run);
		}
		return results;
	}

	/**
	 * The most cores other work used just before a run, {@code NaN} when unknown.
	 */
	double mostOtherWork() {
		return this.mostOtherWork;
	}

	private static String note(double platformCores, double otherCores) {
		String note = Settle.idle(platformCores) ? ""
				: String.format(Locale.ROOT, "  (platform still busy: %.1f cores)", platformCores);
		return note + ((otherCores >= BUSY_MACHINE)
				? String.format(Locale.ROOT, "  (other work: %.1f cores)", otherCores) : "");
	}

	/** The CPU time per request of each route measured with a meter. */
	Map<Route, CpuUse> cpu() {
		return Map.copyOf(this.cpu);
	}

	List<String> failures() {
		return List.copyOf(this.failures);
	}

	/** wrk only counts failures; one more request says what they were. */
	private void noteFailure(Route route, URI url, WrkRun run, double rate) throws InterruptedException {
		String after = this.check.get(url, this.session.token()).describe();
		this.failures.add(String.format("%s, %s: %d answers of 400 or more, %d socket errors; one GET right after: %s",
				route.label(), (rate > 0) ? "fixed rate" : "peak", run.badStatuses(), run.socketErrors(), after));
	}

}
