package dev.keel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of {@code keel bench storage}: the admin makes the bucket {@value #BUCKET}; a
 * file of {@code --size} bytes is uploaded (raw body) and downloaded through the gateway,
 * then straight to the first storage-service instance, each after the platform is idle;
 * then the same bytes are copied as a plain file on the disk the local backend writes to,
 * and read back. For each it prints MB/s and the CPU time the transfer cost per MB: the
 * gateway's and storage-service's for the HTTP ones, this process's for the copy. The
 * bucket goes at the end, also on Ctrl-C.
 */
final class StorageBench {

	static final String BUCKET = "bench_files";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final double MB = 1_000_000.0;

	private final StorageBenchSettings settings;

	private final StorageTargets targets;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	StorageBench(StorageBenchSettings settings, StorageTargets targets, PrintStream out) {
		this.settings = settings;
		this.targets = targets;
		this.out = out;
	}

	int run() throws Exception {
		AdminSession admin = new AdminSession(this.http, this.targets.gateway(), this.settings.email(),
				this.settings.password());
		admin.login();
		defineBucket(admin.token());
		Runnable cleanUp = cleanUp(admin);
		Thread onInterrupt = new Thread(cleanUp, "keel-bench-cleanup");
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		try {
			this.out.printf("Benchmarking storage: a %.0f MB file, uploaded and downloaded through the gateway %s and "
					+ "straight to %s; then copied as a plain file in %s. %d CPUs, shared by the platform and this "
					+ "benchmark.%n", this.settings.size() / MB, this.targets.gateway(), this.targets.storage(),
					this.targets.disk(), Runtime.getRuntime().availableProcessors());
			List<String> rows = new ArrayList<>();
			rows.add(String.format("%-30s %12s %12s %14s %12s", "", "upload MB/s", "CPU ms/MB", "download MB/s",
					"CPU ms/MB"));
			admin.login();
			rows.add(row("through the gateway", transfer(this.targets.gateway(), admin.token())));
			admin.login();
			rows.add(row("direct to storage-service", transfer(this.targets.storage(), admin.token())));
			rows.add(row("plain file copy, same disk", copy()));
			rows.forEach(this.out::println);
			this.out.println("CPU per MB: the gateway's and every storage-service instance's CPU time during the "
					+ "transfer (for the copy: this process's), divided by the MB moved.");
			return 0;
		}
		finally {
			cleanUp.run();
			removeHook(onInterrupt);
		}
	}

	/** One upload and its download against a base URL. */
	private Pair transfer(URI base, String token) throws Exception {
		settle();
		LongSupplier cpu = ProcessCpu.of(concat(this.targets.gatewayPids(), this.targets.storagePids()));
		long size = this.settings.size();
		HttpRequest upload = HttpRequest
			.newBuilder(base.resolve("/api/storage/buckets/" + BUCKET + "/objects?name=bench.bin"))
			.timeout(Duration.ofHours(1))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/octet-stream")
			.POST(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
			.build();
		long cpuBefore = cpu.getAsLong();
		long start = System.nanoTime();
		HttpResponse<String> created = send(upload, BodyHandlers.ofString());
		Result up = new Result(size, System.nanoTime() - start, cpu.getAsLong() - cpuBefore);
		if (created.statusCode() != 201) {
			throw new BenchAbort(
					"The upload to " + base + " answered HTTP " + created.statusCode() + ": " + created.body());
		}
		JsonNode object = json.readTree(created.body());
		if (object.path("size").asLong() != size) {
			throw new BenchAbort("The upload to " + base + " stored " + object.path("size") + " bytes, not " + size);
		}
		settle();
		HttpRequest download = HttpRequest
			.newBuilder(base
				.resolve("/api/storage/buckets/" + BUCKET + "/objects/" + object.path("id").asString() + "/content"))
			.timeout(Duration.ofHours(1))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		cpuBefore = cpu.getAsLong();
		start = System.nanoTime();
		HttpResponse<InputStream> response = send(download, BodyHandlers.ofInputStream());
		long received;
		try (InputStream body = response.body()) {
			received = body.transferTo(OutputStream.nullOutputStream());
		}
		Result down = new Result(received, System.nanoTime() - start, cpu.getAsLong() - cpuBefore);
		if (response.statusCode() != 200 || received != size) {
			throw new BenchAbort("The download from " + base + " answered HTTP " + response.statusCode() + " with "
					+ received + " bytes, not " + size);
		}
		return new Pair(up, down);
	}

	/**
	 * The same bytes as a plain file: written once, then copied (and forced to disk),
	 * then read.
	 */
	private Pair copy() throws IOException {
		Files.createDirectories(this.targets.disk());
		Path source = this.targets.disk().resolve(".bench-copy-source");
		Path target = this.targets.disk().resolve(".bench-copy-target");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try {
			try (InputStream in = new PatternStream(this.settings.size());
					FileChannel channel = FileChannel.open(source, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
							StandardOpenOption.TRUNCATE_EXISTING)) {
				in.transferTo(Channels.newOutputStream(channel));
				channel.force(true);
			}
			long cpuBefore = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			try (InputStream in = Files.newInputStream(source);
					FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
							StandardOpenOption.TRUNCATE_EXISTING)) {
				in.transferTo(Channels.newOutputStream(channel));
				channel.force(true);
			}
			Result written = new Result(this.settings.size(), System.nanoTime() - start,
					threads.getCurrentThreadCpuTime() - cpuBefore);
			cpuBefore = threads.getCurrentThreadCpuTime();
			start = System.nanoTime();
			long read;
			try (InputStream in = Files.newInputStream(target)) {
				read = in.transferTo(OutputStream.nullOutputStream());
			}
			Result readBack = new Result(read, System.nanoTime() - start,
					threads.getCurrentThreadCpuTime() - cpuBefore);
			return new Pair(written, readBack);
		}
		finally {
			Files.deleteIfExists(source);
			Files.deleteIfExists(target);
		}
	}

	private void defineBucket(String token) throws Exception {
		String body = "{\"access\":{\"read\":\"authenticated\",\"create\":\"authenticated\",\"update\":"
				+ "\"authenticated\",\"delete\":\"authenticated\"},\"maxFileSize\":" + this.settings.size() + "}";
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(this.targets.gateway().resolve("/api/storage/buckets/" + BUCKET))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.PUT(BodyPublishers.ofString(body))
					.build(),
				BodyHandlers.ofString());
		if (response.statusCode() != 200 && response.statusCode() != 201) {
			throw new BenchAbort(
					"Could not define the bucket " + BUCKET + ": HTTP " + response.statusCode() + " " + response.body()
							+ (response.statusCode() == 400 ? " (is --size over KEEL_STORAGE_MAX_FILE_SIZE?)" : ""));
		}
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new BenchAbort(request.method() + " " + request.uri() + " failed: " + ClosedLoop.describe(ex)
					+ ". Is storage-service running? ./keel status shows it.");
		}
	}

	private void settle() throws InterruptedException {
		double cores = new Settle(Settle.cpuOf(this.targets.pids()), Duration.ofSeconds(2),
				this.settings.settleTimeout())
			.await();
		if (!Settle.idle(cores)) {
			this.out.printf("* busy before (%.1f cores)%n", cores);
		}
	}

	private Runnable cleanUp(AdminSession admin) {
		AtomicBoolean done = new AtomicBoolean();
		return () -> {
			if (done.compareAndSet(false, true)) {
				try {
					admin.login();
					HttpResponse<String> response = this.http
						.send(HttpRequest.newBuilder(this.targets.gateway().resolve("/api/storage/buckets/" + BUCKET))
							.header("Authorization", "Bearer " + admin.token())
							.DELETE()
							.build(), BodyHandlers.ofString());
					this.out.println((response.statusCode() == 204) ? "Cleaning up: deleted " + BUCKET + "."
							: "Cleaning up: " + BUCKET + " answered HTTP " + response.statusCode() + ".");
				}
				catch (Exception ex) {
					this.out.println("Cleaning up: could not delete " + BUCKET + " (" + ClosedLoop.describe(ex) + ").");
				}
			}
		};
	}

	private static String row(String label, Pair pair) {
		return String.format("%-30s %12.1f %12.2f %14.1f %12.2f", label, pair.up().megabytesPerSecond(),
				pair.up().cpuMillisPerMegabyte(), pair.down().megabytesPerSecond(), pair.down().cpuMillisPerMegabyte());
	}

	private static List<Long> concat(List<Long> first, List<Long> second) {
		List<Long> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down (Ctrl-C): the hook is running or has run.
		}
	}

	/**
	 * One transfer.
	 *
	 * @param bytes the bytes moved
	 * @param nanos how long it took
	 * @param cpuNanos the CPU time it cost (negative when unknown)
	 */
	record Result(long bytes, long nanos, long cpuNanos) {

		double megabytesPerSecond() {
			return (this.nanos <= 0) ? Double.NaN : this.bytes / MB / (this.nanos / 1e9);
		}

		double cpuMillisPerMegabyte() {
			return (this.cpuNanos < 0 || this.bytes == 0) ? Double.NaN : this.cpuNanos / 1e6 / (this.bytes / MB);
		}

	}

	/** An upload (or write) and its download (or read). */
	record Pair(Result up, Result down) {

	}

}
