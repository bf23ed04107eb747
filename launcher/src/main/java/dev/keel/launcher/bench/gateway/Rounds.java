package dev.keel.launcher.bench.gateway;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.keel.launcher.bench.AdminSession;
import dev.keel.launcher.bench.Settle;

/**
 * The measured runs, one route after the other: a round at peak (as fast as wrk's
 * connections go), then a round at one fixed rate for every route. Before each run the
 * platform is given time to go idle, the user logs in again (access tokens live 15
 * minutes), and wrk warms the route up with the same load, unmeasured: for
 * {@code --first-warmup} before a route's first run, when its JVMs may still be
 * compiling, and for {@code --warmup} before the others.
 */
final class Rounds {

	private final GatewayBenchSettings settings;

	private final Wrk wrk;

	private final AdminSession session;

	private final Settle settle;

	private final RouteCheck check;

	private final PrintStream out;

	private final List<String> failures = new ArrayList<>();

	private final Set<Route> warmedUp = EnumSet.noneOf(Route.class);

	private int done;

	private int total;

	Rounds(GatewayBenchSettings settings, Wrk wrk, AdminSession session, Settle settle, RouteCheck check,
			PrintStream out) {
		this.settings = settings;
		this.wrk = wrk;
		this.session = session;
		this.settle = settle;
		this.check = check;
		this.out = out;
	}

	void plan(int runs) {
		this.total = runs;
	}

	/**
	 * One run per route.
	 * @param rate requests per second for every route, or 0 for each route's peak
	 */
	Map<Route, WrkRun> run(Map<Route, URI> urls, double rate) throws Exception {
		Map<Route, WrkRun> results = new EnumMap<>(Route.class);
		for (Map.Entry<Route, URI> route : urls.entrySet()) {
			this.out.printf("[%d/%d] %-5s %-23s ", ++this.done, this.total, (rate > 0) ? "fixed" : "peak",
					route.getKey().label());
			this.out.flush();
			double busy = this.settle.await();
			this.session.login();
			Duration warmup = this.warmedUp.add(route.getKey()) ? this.settings.firstWarmup() : this.settings.warmup();
			if (!warmup.isZero()) {
				this.wrk.run(route.getValue(), this.session.token(), warmup, rate);
			}
			WrkRun run = this.wrk.run(route.getValue(), this.session.token(), this.settings.duration(), rate);
			this.out.printf("%s %,9.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s%n",
					Settle.idle(busy) ? "" : String.format("(started busy: %.1f cores)", busy), run.requestsPerSecond(),
					run.p50Millis(), run.p99Millis(), (run.errors() > 0) ? "  <-- " + run.errors() + " ERRORS" : "");
			if (run.errors() > 0) {
				noteFailure(route.getKey(), route.getValue(), run, rate);
			}
			results.put(route.getKey(), run);
		}
		return results;
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
