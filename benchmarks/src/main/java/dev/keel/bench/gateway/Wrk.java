package dev.keel.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.keel.bench.BenchAbort;

/**
 * Runs wrk, the load generator, in a process of its own: {@code threads} threads over
 * {@code connections} keep-alive connections, either as fast as they go or paced to a
 * fixed total rate.
 */
final class Wrk {

	private final Path executable;

	private final int threads;

	private final int connections;

	private final Path scripts;

	Wrk(Path executable, int threads, int connections, Path scripts) {
		this.executable = executable;
		this.threads = threads;
		this.connections = connections;
		this.scripts = scripts;
	}

	/**
	 * One run against {@code url}.
	 * @param rate the total requests per second to hold to, or 0 for as many as the
	 * connections carry
	 */
	WrkRun run(URI url, String token, Duration duration, double rate) throws IOException, InterruptedException {
		Path script = this.scripts.resolve((rate > 0) ? "paced.lua" : "unpaced.lua");
		Files.writeString(script, (rate > 0) ? WrkScript.paced(rate / this.threads) : WrkScript.unpaced());
		ProcessBuilder builder = new ProcessBuilder(command(url, duration, script)).redirectErrorStream(true);
		builder.environment().put(WrkScript.TOKEN_VARIABLE, token);
		Process wrk = builder.start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!wrk.waitFor(30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
			wrk.destroyForcibly();
			throw new BenchAbort("wrk failed against " + url + ":\n" + output);
		}
		try {
			return WrkOutput.parse(output);
		}
		catch (IllegalArgumentException ex) {
			throw new BenchAbort(
					"Could not read wrk's report against " + url + " (" + ex.getMessage() + "):\n" + output);
		}
	}

	List<String> command(URI url, Duration duration, Path script) {
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "-t" + this.threads,
				"-c" + this.connections, "-d" + Math.max(1, duration.toSeconds()) + "s", "--latency"));
		command.addAll(List.of("-s", script.toString(), url.toString()));
		return command;
	}

}
