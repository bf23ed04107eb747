package dev.keel.bench.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the external programs the benchmark drives. The system folders come after the
 * PATH because Debian installs nginx in {@code /usr/sbin}, which is not on a normal
 * user's PATH.
 */
final class Executables {

	private static final List<String> SYSTEM_FOLDERS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

	private Executables() {
	}

	static Optional<Path> find(String name, String pathVariable) {
		List<String> folders = new ArrayList<>();
		if (pathVariable != null) {
			folders.addAll(List.of(pathVariable.split(File.pathSeparator)));
		}
		folders.addAll(SYSTEM_FOLDERS);
		return folders.stream()
			.filter((folder) -> !folder.isBlank())
			.map((folder) -> Path.of(folder, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/** The first line the program prints for {@code argument}, for the record. */
	static String version(Path program, String argument) {
		try {
			Process process = new ProcessBuilder(program.toString(), argument).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(5, TimeUnit.SECONDS);
			return output.lines().findFirst().orElse(program.toString()).trim();
		}
		catch (IOException ex) {
			return program.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return program.toString();
		}
	}

}
