package dev.keel.bench.gateway;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.keel.bench.BenchAbort;
import dev.keel.cli.process.Health;
import dev.keel.cli.process.Logs;

/**
 * nginx, run as a child process of the benchmark from a {@link NginxConfig} in a
 * temporary folder, stopped and cleaned up by {@link #close()}.
 */
final class Nginx implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private final NginxConfig config;

	private final Process process;

	private Nginx(NginxConfig config, Process process) {
		this.config = config;
		this.process = process;
	}

	/**
	 * Starts nginx in a folder of its own under {@code scratch}, proxying to the service
	 * instance on {@code backendPort}.
	 */
	static Nginx start(Path executable, Path scratch, int backendPort, int connections)
			throws IOException, InterruptedException {
		Path directory = Files.createDirectories(scratch.resolve("nginx"));
		// nginx started by root runs its workers as nobody, who must reach the folder.
		openToOthers(scratch);
		openToOthers(directory);
		return start(executable, new NginxConfig(directory, freePort(), backendPort, connections));
	}

	static Nginx start(Path executable, NginxConfig config) throws IOException, InterruptedException {
		Files.writeString(config.file(), config.text());
		// -e: nginx opens its default error log before it reads the configuration.
		Process process = new ProcessBuilder(executable.toString(), "-p", config.directory().toString(), "-c",
				config.file().toString(), "-e", config.errorLog().toString())
			.redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(config.directory().resolve("output.log").toFile()))
			.redirectInput(Redirect.from(new File("/dev/null")))
			.start();
		Nginx nginx = new Nginx(config, process);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!Health.portOpen(config.listenPort())) {
			if (!process.isAlive() || System.nanoTime() - deadline > 0) {
				String log = String.join("\n", Logs.tail(config.errorLog(), 10)) + "\n"
						+ String.join("\n", Logs.tail(config.directory().resolve("output.log"), 10));
				nginx.close();
				throw new BenchAbort("nginx did not start (" + executable + ", configuration " + config.file() + "):\n"
						+ log.strip());
			}
			Thread.sleep(100);
		}
		return nginx;
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + this.config.listenPort());
	}

	/** The master process and its workers. */
	List<Long> pids() {
		return Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.map(ProcessHandle::pid)
			.toList();
	}

	/** Stops nginx (SIGTERM: a fast shutdown). */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static void openToOthers(Path directory) throws IOException {
		if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	/**
	 * A port nothing listens on now; the short race until nginx binds it is acceptable
	 * locally.
	 */
	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
