package dev.keel.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.keel.bench.HopProfile.Posted;
import dev.keel.bench.SseStream.Arrival;

/**
 * One run of {@code keel bench events}: two of the benchmark's users (the subscriber and
 * the author) and the admin's {@value EventsApi#COLLECTION}; then the write → SSE latency
 * (split hop by hop when Kafka can be read, {@link HopProfile}), then the outbox catch-up
 * after a create burst through the gateway and after one straight to a data-service
 * instance; then clean-up, also on Ctrl-C. The direct burst is the one that reaches
 * thousands of creates on this machine, and so the one the catch-up target is judged by:
 * through the gateway and its per-request token and route work, the same time brings only
 * a fraction.
 */
final class EventsBench {

	/** Unmeasured writes first, so that the measured ones meet warm code paths. */
	static final int WARMUP_WRITES = 20;

	private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);

	private final EventsBenchSettings settings;

	private final EventsTargets targets;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	EventsBench(EventsBenchSettings settings, EventsTargets targets, PrintStream out) {
		this.settings = settings;
		this.targets = targets;
		this.out = out;
	}

	int run() throws Exception {
		BenchLogins.ensureUsers(this.http, this.targets.authService(), 2);
		AdminSession admin = session(this.settings.email(), this.settings.password());
		AdminSession subscriber = session(BenchLogins.email(0), BenchLogins.password(0));
		AdminSession author = session(BenchLogins.email(1), BenchLogins.password(1));
		EventsApi api = new EventsApi(this.http, this.targets.gateway());
		api.delete(admin.token());
		api.define(admin.token());
		Runnable cleanUp = cleanUp(api, admin);
		Thread onInterrupt = new Thread(cleanUp, "keel-bench-cleanup");
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		try {
			printHeader();
			WriteLatencies latencies = latencies(api, subscriber, author);
			author.login();
			CatchUp viaGateway = catchUp(api, author, this.settings.concurrency());
			this.out.println("Through the gateway: " + viaGateway.line());
			author.login();
			EventsApi direct = new EventsApi(this.http, this.targets.dataService());
			CatchUp straight = catchUp(direct, author, this.settings.burstConcurrency());
			this.out.println("Direct to " + this.targets.dataService() + ": " + straight.lineWithVerdict());
			return (latencies.complete() && complete(viaGateway) && complete(straight)) ? 0 : 1;
		}
		finally {
			cleanUp.run();
			removeHook(onInterrupt);
		}
	}

	private static boolean complete(CatchUp catchUp) {
		return catchUp.catchUp() != null && catchUp.failed() == 0;
	}

	private AdminSession session(String email, String password) throws InterruptedException {
		AdminSession session = new AdminSession(this.http, this.targets.gateway(), email, password);
		session.login();
		return session;
	}

	private void printHeader() {
		this.out.printf(
				"Benchmarking events: gateway %s, %d data-service instance(s); %d CPUs, shared by the "
						+ "platform and this benchmark.%n",
				this.targets.gateway(), this.targets.dataMetrics().size(), Runtime.getRuntime().availableProcessors());
		this.out.printf(
				"Write -> SSE: %d writes one after another (after %d unmeasured); outbox catch-up: a %d s "
						+ "burst of creates with %d in flight through the gateway, then one with %d in flight "
						+ "straight to a data-service instance.%n",
				this.settings.writes(), WARMUP_WRITES, this.settings.burst().toSeconds(), this.settings.concurrency(),
				this.settings.burstConcurrency());
	}

	/**
	 * The subscriber holds a stream open while the author creates documents one after
	 * another; the subscription ends with this part, so the burst's documents make no
	 * notifications.
	 */
	private WriteLatencies latencies(EventsApi api, AdminSession subscriber, AdminSession author) throws Exception {
		settle();
		String subscription = api.subscribe(subscriber.token());
		try (SseStream stream = SseStream.open(this.http, this.targets.gateway(), subscriber.token());
				EventTap tap = tap()) {
			Writes warmup = write(api, author, WARMUP_WRITES);
			arrivals(stream, warmup.startNanos().size());
			Writes written = write(api, author, this.settings.writes());
			List<Arrival> arrivals = arrivals(stream, written.startNanos().size());
			WriteLatencies latencies = WriteLatencies.of(written.startNanos(), arrivals);
			this.out.println(latencies.line());
			if (tap != null) {
				HopProfile.of(written.posted(), tap.published(), arrivals).lines().forEach(this.out::println);
			}
			return latencies;
		}
		finally {
			api.unsubscribe(subscriber.token(), subscription);
		}
	}

	/** Reads data-service's events for the per-hop split, when Kafka can be reached. */
	private EventTap tap() {
		if (this.targets.kafka() == null) {
			this.out.println("Per hop: skipped (no Kafka to read the events from; set KEEL_KAFKA_BOOTSTRAP_SERVERS "
					+ "when the platform runs on an external broker).");
			return null;
		}
		try {
			return EventTap.open(this.targets.kafka(), EventsApi.COLLECTION);
		}
		catch (RuntimeException ex) {
			this.out.println("Per hop: skipped (could not read " + EventTap.TOPIC + " from " + this.targets.kafka()
					+ ": " + ClosedLoop.describe(ex) + ").");
			return null;
		}
	}

	private static Writes write(EventsApi api, AdminSession author, int count) throws Exception {
		Map<String, Long> startNanos = new LinkedHashMap<>();
		Map<String, Posted> posted = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			Instant sent = Instant.now();
			long start = System.nanoTime();
			String id = api.create(author.token());
			posted.put(id, new Posted(sent, Instant.now()));
			startNanos.put(id, start);
		}
		return new Writes(startNanos, posted);
	}

	/**
	 * Documents written one after another.
	 *
	 * @param startNanos when each {@code POST} started ({@link System#nanoTime()})
	 * @param posted when each was sent and answered, by the wall clock
	 */
	private record Writes(Map<String, Long> startNanos, Map<String, Posted> posted) {

	}

	/** Arrivals until {@code count} came or none came for a while. */
	private static List<Arrival> arrivals(SseStream stream, int count) throws InterruptedException {
		List<Arrival> arrivals = new ArrayList<>();
		Arrival arrival;
		while (arrivals.size() < count && (arrival = stream.next(ARRIVAL_TIMEOUT)) != null) {
			arrivals.add(arrival);
		}
		// A duplicate would come right behind.
		while ((arrival = stream.next(Duration.ofSeconds(1))) != null) {
			arrivals.add(arrival);
		}
		return arrivals;
	}

	private CatchUp catchUp(EventsApi api, AdminSession author, int concurrency) throws Exception {
		settle();
		OutboxCount count = new OutboxCount(this.http, this.targets.dataMetrics());
		long before = count.published();
		AtomicLong creates = new AtomicLong();
		Operation create = api.createOperation(author.token());
		long start = System.nanoTime();
		Measurement burst = new ClosedLoop(concurrency, Duration.ZERO, this.settings.burst()).run(() -> {
			create.call();
			creates.incrementAndGet();
		});
		long lastWrite = System.nanoTime();
		Duration took = Duration.ofNanos(lastWrite - start);
		long target = CatchUp.target(before, creates.get());
		long deadline = lastWrite + this.settings.catchUpTimeout().toNanos();
		long published = count.published();
		while (published < target && System.nanoTime() - deadline < 0) {
			Thread.sleep(100);
			published = count.published();
		}
		Duration catchUp = (published >= target) ? Duration.ofNanos(System.nanoTime() - lastWrite) : null;
		return new CatchUp(creates.get(), burst.errors(), took, before, published, catchUp);
	}

	private void settle() throws InterruptedException {
		double cores = new Settle(Settle.cpuOf(this.targets.pids()), Duration.ofSeconds(2),
				this.settings.settleTimeout())
			.await();
		if (!Settle.idle(cores)) {
			this.out.printf("* busy before (%.1f cores)%n", cores);
		}
	}

	private Runnable cleanUp(EventsApi api, AdminSession admin) {
		AtomicBoolean done = new AtomicBoolean();
		return () -> {
			if (done.compareAndSet(false, true)) {
				try {
					admin.login();
					this.out.println(api.delete(admin.token()) ? "Cleaning up: deleted " + EventsApi.COLLECTION + "."
							: "Cleaning up: nothing to delete.");
				}
				catch (Exception ex) {
					this.out.println("Cleaning up: could not delete " + EventsApi.COLLECTION + " ("
							+ ClosedLoop.describe(ex) + ").");
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
