package dev.keel.gateway.ratelimit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import dev.keel.gateway.Backend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real {@code redis-server} process on a free port, without persistence, that a test
 * can stop and start again on the same port. Tests that need one are skipped, saying so,
 * only where redis-server is not installed ({@code .ci/run} installs it).
 */
final class RedisServer implements AutoCloseable {

	private final Path executable;

	private final int port;

	private Process process;

	private RedisServer(Path executable, int port) {
		this.executable = executable;
		this.port = port;
	}

	/**
	 * Starts a server, or skips the calling test when redis-server is not installed.
	 * @return the running server
	 */
	static RedisServer startOrSkip() {
		Optional<Path> executable = find();
		assumeTrue(executable.isPresent(),
				"redis-server is not installed (not on the PATH, nor /usr/bin/redis-server): skipping the Redis rate-limit tests; .ci/run installs it");
		RedisServer server = new RedisServer(executable.get(), Backend.unusedPort());
		server.start();
		return server;
	}

	private static Optional<Path> find() {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	void start() {
		try {
			this.process = new ProcessBuilder(this.executable.toString(), "--port", Integer.toString(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!accepts()) {
			if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("redis-server did not start on port " + this.port);
			}
			sleep();
		}
	}

	/** Kills the server, as an outage would, and waits until it is gone. */
	void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
