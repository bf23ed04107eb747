package dev.keel.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool these tests run when the machine has it (kubectl, docker-compose),
 * found on the PATH. The tests that need one are skipped with a message when it is
 * missing.
 */
record Tool(List<String> command) {

	/** The first of the given commands whose program is on the PATH. */
	static Optional<Tool> find(List<List<String>> candidates) {
		for (List<String> candidate : candidates) {
			if (onPath(candidate.get(0))) {
				return Optional.of(new Tool(candidate));
			}
		}
		return Optional.empty();
	}

	static boolean onPath(String program) {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

	/** Runs the tool with extra arguments in a directory; fails with its error output. */
	Result run(Path directory, String... arguments) {
		List<String> full = new ArrayList<>(this.command);
		full.addAll(List.of(arguments));
		try {
			Path output = Files.createTempFile("keel-tool", ".out");
			Path errors = Files.createTempFile("keel-tool", ".err");
			try {
				Process process = new ProcessBuilder(full).directory(directory.toFile())
					.redirectOutput(output.toFile())
					.redirectError(errors.toFile())
					.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError(String.join(" ", full) + " did not finish within 120 s");
				}
				return new Result(String.join(" ", full), process.exitValue(),
						Files.readString(output, StandardCharsets.UTF_8),
						Files.readString(errors, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot run " + String.join(" ", full) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while running " + String.join(" ", full), ex);
		}
	}

	record Result(String command, int exitCode, String output, String errors) {

		String successfulOutput() {
			if (this.exitCode != 0) {
				throw new AssertionError(this.command + " failed (exit " + this.exitCode + "):\n" + this.errors);
			}
			return this.output;
		}

	}

}
