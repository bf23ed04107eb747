package dev.keel.cli.process;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
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

	/**
	 * Memory settings of every process (docs/local-platform.md): the heap starts small,
	 * grows on demand and gives back what a full collection frees, and freed native
	 * memory (the compilers' arenas after start-up) goes back to the system every 10 s;
	 * with {@link #MALLOC_ARENA_MAX} glibc keeps two malloc arenas instead of one per
	 * thread that ever allocated.
	 */
	static final List<String> MEMORY_DEFAULTS = List.of("-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
			"-XX:TrimNativeHeapInterval=10000");

	/**
	 * Object headers of 8 instead of 12 bytes (JEP 519), a product option since JDK 25.
	 */
	private static final String COMPACT_HEADERS = "-XX:+UseCompactObjectHeaders";

	static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";

	private final Layout layout;

	private final Map<String, String> environment;

	private final String java = ProcessHandle.current().info().command().orElse("java");

	private final int javaVersion;

	public ProcessStarter(Layout layout, Map<String, String> environment) {
		this(layout, environment, Runtime.version().feature());
	}

	/**
	 * A starter for processes on a JVM of the given feature release (the launcher's own
	 * JVM runs every process).
	 */
	ProcessStarter(Layout layout, Map<String, String> environment, int javaVersion) {
		this.layout = layout;
		this.environment = environment;
		this.javaVersion = javaVersion;
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
		environment.putIfAbsent(MALLOC_ARENA_MAX, "2");
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
		command.addAll(MEMORY_DEFAULTS);
		if (this.javaVersion >= StartupCache.AOT_CACHE_SINCE) {
			command.add(COMPACT_HEADERS);
		}
		command.addAll(component.jvmOptions());
		if (this.javaVersion >= 24) {
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
			String classPath = System.getProperty("java.class.path");
			command.addAll(infraCache(component, classPath));
			command.addAll(List.of("-cp", classPath, "dev.keel.cli.Keel", "infra"));
			command.addAll(component.arguments());
		}
		return command;
	}

	private List<String> extraJavaOptions() {
		String options = this.environment.getOrDefault("KEEL_JAVA_OPTS", "").trim();
		return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
	}

	/**
	 * Runs a service from its extracted jar with its module's {@link StartupCache}, which
	 * cuts later start-ups noticeably; {@code KEEL_CDS=false} runs the plain jar.
	 */
	private List<String> serviceTarget(Component component) {
		Path jar = this.layout.jar(component.module());
		if (!cacheEnabled()) {
			return List.of("-jar", jar.toString());
		}
		Path extracted = StartupCache.extract(this.java, jar, this.layout.extracted(component.module()));
		List<String> target = new ArrayList<>(StartupCache.options(this.javaVersion, extracted, component.module(),
				component.name().equals(component.module())));
		target.addAll(List.of("-jar", extracted.resolve(component.module() + ".jar").toString()));
		return target;
	}

	/** The embedded infrastructure's {@link StartupCache}, one per component. */
	private List<String> infraCache(Component component, String classPath) {
		if (!cacheEnabled()) {
			return List.of();
		}
		Path directory = StartupCache.forClassPath(this.layout.infraCaches(), classPath);
		return StartupCache.options(this.javaVersion, directory, component.name(), true);
	}

	private boolean cacheEnabled() {
		return !"false".equalsIgnoreCase(this.environment.get("KEEL_CDS"));
	}

	/** Keeps the previous run's log as {@code name.log.1}. */
	private static void rotate(Path log) throws IOException {
		Files.createDirectories(log.getParent());
		if (Files.exists(log)) {
			Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
