package dev.keel.bench.gateway;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import dev.keel.bench.AdminSession;
import dev.keel.bench.BenchAbort;
import dev.keel.bench.CpuMeter;
import dev.keel.bench.ProcessCpu;
import dev.keel.bench.Settle;
import dev.keel.cli.platform.Layout;

/**
 * One run of {@code keel bench gateway}: find wrk and nginx, log in, start nginx and the
 * second gateway, check that every route answers the GET, also under load, measure every
 * route at peak and then at a fixed rate, print the table, and stop what it started, also
 * on Ctrl-C.
 */
final class GatewayBench {

	private final GatewayBenchSettings settings;

	private final GatewayTargets targets;

	private final Layout layout;

	private final Map<String, String> environment;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	GatewayBench(GatewayBenchSettings settings, GatewayTargets targets, Layout layout, Map<String, String> environment,
			PrintStream out) {
		this.settings = settings;
		this.targets = targets;
		this.layout = layout;
		this.environment = environment;
		this.out = out;
	}

	int run() throws Exception {
		Path wrk = Executables.find("wrk", this.environment.get("PATH"))
			.orElseThrow(() -> new BenchAbort(GatewayBenchCommand.WRK_MISSING));
		Optional<Path> nginxExecutable = Executables.find("nginx", this.environment.get("PATH"));
		AdminSession session = new AdminSession(this.http, this.targets.gateway(), this.settings.email(),
				this.settings.password());
		session.login();
		RouteCheck check = new RouteCheck(this.http);
		check.awaitOk(Route.DIRECT, url(this.targets.direct()), session::token, Duration.ofSeconds(5));
		Path scratch = Files.createTempDirectory("keel-bench-gateway");
		this.out.printf("Starting a second gateway with KEEL_GATEWAY_VALIDATE_TOKENS=false (log: %s) ...%n",
				this.layout.log(SecondGateway.NAME));
		List<AutoCloseable> started = new ArrayList<>();
		Thread onInterrupt = new Thread(() -> stop(started, scratch), "keel-bench-stop");
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		try {
			SecondGateway second = SecondGateway.start(this.layout, this.environment);
			started.add(second);
			Nginx nginx = nginxExecutable.isPresent() ? Nginx.start(nginxExecutable.get(), scratch,
					this.targets.service().port(), this.settings.connections()) : null;
			if (nginx != null) {
				started.add(nginx);
			}
			second.awaitReady(Duration.ofMinutes(3), this.layout);
			Map<Route, URI> urls = urls(nginx, second);
			for (Map.Entry<Route, URI> route : urls.entrySet()) {
				check.awaitOk(route.getKey(), route.getValue(), session::token, Duration.ofSeconds(90));
			}
			printHeader(urls, wrk, nginxExecutable);
			LongSupplier ours = Settle.cpuOf(pids(second, nginx));
			Settle settle = new Settle(ours, Duration.ofSeconds(2), this.settings.settleTimeout());
			Wrk load = new Wrk(wrk, this.settings.threads(), this.settings.connections(), scratch);
			return measure(urls,
					new Rounds(this.settings, load, session, settle, OtherWork.beside(ours), check, this.out),
					meters(urls.keySet(), nginx, second));
		}
		finally {
			stop(started, scratch);
			removeHook(onInterrupt);
		}
	}

	private void printHeader(Map<Route, URI> urls, Path wrk, Optional<Path> nginx) {
		this.out.println();
		new BenchHeader(this.settings, this.targets, urls,
				nginx.map((path) -> Executables.version(path, "-v")).orElse(""), Executables.version(wrk, "--version"),
				Runtime.getRuntime().availableProcessors())
			.lines()
			.forEach(this.out::println);
	}

	/** The platform's processes and the benchmark's own. */
	private List<Long> pids(SecondGateway second, Nginx nginx) {
		List<Long> pids = new ArrayList<>(this.targets.pids());
		pids.add(second.pid());
		if (nginx != null) {
			pids.addAll(nginx.pids());
		}
		return pids;
	}

	private int measure(Map<Route, URI> urls, Rounds rounds, Map<Route, CpuMeter> meters) throws Exception {
		this.out.printf("%nEvery route's first answers, at peak for %d s, unmeasured (the JIT compilers' warm-up):%n",
				Rounds.firstWarmup(this.settings).toSeconds());
		rounds.warmUp(urls);
		rounds.plan(2 * urls.size());
		this.out.printf("%nRound 1: each route at its peak, as fast as %d connections go.%n",
				this.settings.connections());
		Map<Route, WrkRun> peak = rounds.run(urls, 0);
		double rate = (this.settings.rate() > 0) ? this.settings.rate()
				: peak.get(Route.GATEWAY).requestsPerSecond() / 2;
		if (!(rate > 0)) {
			throw new BenchAbort("The gateway completed no request at peak, so there is no rate for round 2. "
					+ "./keel logs gateway may say why.");
		}
		this.out.printf("%nRound 2: every route at %.0f req/s (%s), for the latency at that load.%n", rate,
				(this.settings.rate() > 0) ? "--rate" : "half the gateway's peak");
		Map<Route, WrkRun> fixed = rounds.run(urls, rate, meters);
		this.out.println();
		new GatewayTable(peak, fixed, rate, this.targets.instances(), rounds.cpu()).lines().forEach(this.out::println);
		if (rounds.mostOtherWork() >= Rounds.BUSY_MACHINE) {
			this.out.printf(Locale.ROOT, "%nOther work on the machine used up to %.1f of its %d cores just before "
					+ "some runs (marked above): those figures are noisy. Measure again when the machine is quiet.%n",
					rounds.mostOtherWork(), Runtime.getRuntime().availableProcessors());
		}
		if (!rounds.failures().isEmpty()) {
			this.out.println();
			this.out.println("!!! REQUESTS FAILED: these figures are not a valid measurement.");
			rounds.failures().forEach((failure) -> this.out.println("!!!   " + failure));
			this.out.println("!!! A 429 is the gateway's rate limit: start the platform with limits above the "
					+ "benchmark's rate (see the README's configuration section).");
			return 1;
		}
		return 0;
	}

	/**
	 * For each route, the processes on its path: its proxy (none for direct), the
	 * service, the service's store, the broker, and wrk.
	 */
	private Map<Route, CpuMeter> meters(Set<Route> routes, Nginx nginx, SecondGateway second) {
		Map<Route, CpuMeter> meters = new EnumMap<>(Route.class);
		for (Route route : routes) {
			Map<String, LongSupplier> parts = new LinkedHashMap<>();
			List<Long> proxy = switch (route) {
				case DIRECT -> List.of();
				case NGINX -> (nginx != null) ? nginx.pids() : List.of();
				case GATEWAY_NO_VALIDATION -> List.of(second.pid());
				case GATEWAY -> this.targets.onPath().get(GatewayTargets.GATEWAY);
			};
			if (!proxy.isEmpty()) {
				parts.put(GatewayTable.PROXY, ProcessCpu.of(proxy));
			}
			for (String role : List.of(GatewayTargets.SERVICE, GatewayTargets.STORE, GatewayTargets.BROKER)) {
				List<Long> pids = this.targets.onPath().getOrDefault(role, List.of());
				if (!pids.isEmpty()) {
					parts.put(role, ProcessCpu.of(pids));
				}
			}
			parts.put(GatewayTable.WRK, ProcessCpu::finishedChildrenNanos);
			meters.put(route, new CpuMeter(parts));
		}
		return meters;
	}

	private Map<Route, URI> urls(Nginx nginx, SecondGateway second) {
		Map<Route, URI> urls = new EnumMap<>(Route.class);
		urls.put(Route.DIRECT, url(this.targets.direct()));
		if (nginx != null) {
			urls.put(Route.NGINX, url(nginx.base()));
		}
		urls.put(Route.GATEWAY_NO_VALIDATION, url(second.base()));
		urls.put(Route.GATEWAY, url(this.targets.gateway()));
		return urls;
	}

	private URI url(URI base) {
		return base.resolve(this.settings.path());
	}

	private static void stop(List<AutoCloseable> started, Path scratch) {
		for (AutoCloseable process : started.reversed()) {
			try {
				process.close();
			}
			catch (Exception ex) {
				// Best effort; keel stop finds a gateway left behind.
			}
		}
		try (Stream<Path> paths = Files.walk(scratch)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			// A temporary folder; the system cleans it up eventually.
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
