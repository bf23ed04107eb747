package dev.keel.cli.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.Layout;

/**
 * Starts one component as its own process: services from their Spring Boot jars, the
 * embedded infrastructure as {@code keel infra ...} on the launcher's classpath, from the
 * environment it is given (not the launcher's own) and the component's. Output goes to
 * the component's log file. Processes run in their own session (through {@code setsid}
 * where it exists), so a Ctrl-C in the terminal reaches only the launcher, which then
 * stops them in order, and {@code --detach}ed processes outlive the terminal.
 */
public final class ProcessStarter {

	/**
	 * Marks our processes, so that {@code keel stop} can find strays of this checkout.
	 */
	public static final String HOME_PROPERTY = "keel.home";

	private static final List<String> JVM_DEFAULTS = List.of("-XX:+UseSerialGC", "-Xss512k",
			"-XX:+ExitOnOutOfMemoryError");

	private final Layout layout;

	private final Map<String, String> environment;

	private final String java = ProcessHandle.current().info().command().orElse("java");

	public ProcessStarter(Layout layout, Map<String, String> environment) {
		this.layout = layout;
		this.environment = environment;
	}

	public Process start(Component component) throws IOException {
		Path log = this.layout.log(component.name());
		rotate(log);
		ProcessBuilder builder = new ProcessBuilder(command(component)).directory(this.layout.home().toFile())
			.redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(log.toFile()))
			.redirectInput(Redirect.from(new File("/dev/null")));
		builder.environment().clear();
		builder.environment().putAll(environment(component));
		return builder.start();
	}

	/**
	 * The environment of a component's process: exactly this starter's environment with
	 * the component's variables added; nothing else is inherited from the launcher's.
	 */
	Map<String, String> environment(Component component) {
		Map<String, String> environment = new HashMap<>(this.environment);
		environment.putAll(component.environment());
		return environment;
	}

	List<String> command(Component component) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
			command.add("/usr/bin/setsid");
		}
		command.add(this.java);
		command.add("-Xmx" + component.heap());
		command.addAll(JVM_DEFAULTS);
		command.addAll(component.jvmOptions());
		if (Runtime.version().feature() >= 24) {
			// Eureka's XStream and kafka-clients still use sun.misc.Unsafe; JDK 24+ warns
			// on every start.
			command.add("--sun-misc-unsafe-memory-access=allow");
		}
		command.addAll(extraJavaOptions());
		command.add("-Dkeel.component=" + component.name());
		command.add("-D" + HOME_PROPERTY + "=" + this.layout.home());
		if (component.isService()) {
			command.addAll(serviceTarget(component));
		}
		else {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.keel.cli.Keel", "infra"));
			command.addAll(component.arguments());
		}
		return command;
	}

	private List<String> extraJavaOptions() {
		String options = this.environment.getOrDefault("KEEL_JAVA_OPTS", "").trim();
		return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
	}

	/**
	 * Runs a service from its extracted jar with an automatic class-data-sharing archive,
	 * which cuts later start-ups noticeably; {@code KEEL_CDS=false} runs the plain jar.
	 */
	private List<String> serviceTarget(Component component) {
		Path jar = this.layout.jar(component.module());
		if ("false".equalsIgnoreCase(this.environment.get("KEEL_CDS"))) {
			return List.of("-jar", jar.toString());
		}
		Path extracted = ClassDataSharing.extract(this.java, jar, this.layout.extracted(component.module()));
		return List.of("-XX:SharedArchiveFile=" + extracted.resolve(component.name() + ".jsa"),
				"-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
				extracted.resolve(component.module() + ".jar").toString());
	}

	/** Keeps the previous run's log as {@code name.log.1}. */
	private static void rotate(Path log) throws IOException {
		Files.createDirectories(log.getParent());
		if (Files.exists(log)) {
			Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Extracts Boot jars once per build into a layout the JVM can archive. */
	static final class ClassDataSharing {

		private ClassDataSharing() {
		}

		static synchronized Path extract(String java, Path jar, Path destination) {
			try {
				Path stamp = destination.resolve(".source");
				String source = Files.getLastModifiedTime(jar).toMillis() + ":" + Files.size(jar);
				if (Files.exists(stamp) && Files.readString(stamp).equals(source)) {
					return destination;
				}
				deleteRecursively(destination);
				Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
						"--destination", destination.toString(), "--force")
					.redirectErrorStream(true)
					.redirectOutput(Redirect.DISCARD)
					.start();
				if (process.waitFor() != 0) {
					throw new IOException("Extracting " + jar + " failed (exit " + process.exitValue() + ")");
				}
				Files.writeString(stamp, source);
				return destination;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while extracting " + jar, ex);
			}
		}

		private static void deleteRecursively(Path directory) throws IOException {
			if (!Files.exists(directory)) {
				return;
			}
			try (var paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}

	}

}
