package dev.keel.cli.process;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.Kind;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

/**
 * Starts components tier by tier, waits for them to be ready, and stops them in reverse
 * order. Every start is recorded in the run state at once, so a failed start can be
 * cleaned up.
 */
public final class Supervisor {

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	/**
	 * How long a component that writes its start-up cache as it exits may take: on a busy
	 * laptop writing an AOT cache takes tens of seconds of CPU, once per build.
	 */
	private static final Duration CACHE_GRACE = Duration.ofMinutes(3);

	private final Layout layout;

	private final ProcessStarter starter;

	private final PrintStream out;

	private RunState state;

	public Supervisor(Layout layout, ProcessStarter starter, PrintStream out) {
		this(layout, starter, out, RunState.empty());
	}

	/** A supervisor that adds to (or restarts components of) an existing run. */
	public Supervisor(Layout layout, ProcessStarter starter, PrintStream out, RunState state) {
		this.layout = layout;
		this.starter = starter;
		this.out = out;
		this.state = state;
	}

	public RunState state() {
		return this.state;
	}

	public List<Running> start(List<Component> components) throws IOException {
		List<Running> started = new ArrayList<>();
		for (Component component : components) {
			Process process = this.starter.start(component);
			Running running = new Running(component.name(), component.kind(), component.module(), process.pid(),
					component.port(), component.managementPort(), this.layout.log(component.name()).toString());
			this.state = this.state.with(running);
			this.state.write(this.layout.stateFile());
			started.add(running);
		}
		return started;
	}

	/**
	 * Waits until every component is ready.
	 * @throws StartFailure naming the first component that exited or was not ready in
	 * time
	 */
	public void awaitReady(List<Running> components, Instant deadline) {
		List<Running> waiting = new ArrayList<>(components);
		while (!waiting.isEmpty()) {
			for (Running component : List.copyOf(waiting)) {
				if (!component.alive()) {
					throw new StartFailure(component, "exited during start-up");
				}
				if (isReady(component)) {
					this.out.printf("  %-22s ready%n", component.name());
					waiting.remove(component);
				}
			}
			if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
				throw new StartFailure(waiting.getFirst(), "was not ready in time");
			}
			pause(Duration.ofMillis(250));
		}
	}

	private boolean isReady(Running component) {
		if (component.managementPort() > 0) {
			return "UP".equals(Health.readiness(component.managementPort()));
		}
		return Logs.tail(java.nio.file.Path.of(component.log()), 200)
			.stream()
			.anyMatch((line) -> line.startsWith("ready "));
	}

	/**
	 * Stops components in reverse start order: the gateways, then the other services
	 * together, then discovery, then the infrastructure together. SIGTERM first, so
	 * services finish in-flight requests and deregister; a kill after the grace period.
	 */
	public static void stop(List<Running> components, PrintStream out) {
		List<Predicate<Running>> tiers = List.of((c) -> "gateway".equals(c.module()), (c) -> c.kind() == Kind.SERVICE,
				(c) -> c.kind() == Kind.DISCOVERY, (c) -> true);
		List<Running> remaining = new ArrayList<>(components.reversed());
		for (Predicate<Running> tier : tiers) {
			List<Running> batch = remaining.stream().filter(tier).toList();
			remaining.removeAll(batch);
			stopTogether(batch, out);
		}
	}

	private static void stopTogether(List<Running> batch, PrintStream out) {
		List<ProcessHandle> handles = new ArrayList<>();
		Instant now = Instant.now();
		Map<ProcessHandle, Duration> graces = new HashMap<>();
		for (Running component : batch) {
			ProcessHandle.of(component.pid()).filter(ProcessHandle::isAlive).ifPresent((handle) -> {
				boolean writesCache = writesStartupCache(handle);
				out.printf("  stopping %-22s (pid %d)%s%n", component.name(), component.pid(),
						writesCache ? ", writing its start-up cache for the next runs" : "");
				handle.destroy();
				handles.add(handle);
				graces.put(handle, writesCache ? CACHE_GRACE : STOP_GRACE);
			});
		}
		for (ProcessHandle handle : handles) {
			Duration grace = graces.get(handle);
			try {
				long left = Math.max(1, Duration.between(Instant.now(), now.plus(grace)).toMillis());
				handle.onExit().get(left, TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				out.printf("  killing pid %d, which did not stop within %d s%n", handle.pid(), grace.toSeconds());
				handle.destroyForcibly();
			}
		}
	}

	/** Whether a process trains an AOT cache, which it writes as it exits. */
	static boolean writesStartupCache(ProcessHandle process) {
		return process.info()
			.arguments()
			.map((arguments) -> Arrays.stream(arguments).anyMatch((a) -> a.startsWith(StartupCache.TRAINING_OPTION)))
			.orElseGet(() -> commandLine(process).contains(StartupCache.TRAINING_OPTION));
	}

	/**
	 * The command line of a process as {@code /proc} has it. The JDK reports no arguments
	 * for a command line longer than a memory page, as the embedded infrastructure's is
	 * (its class path alone is over 4 KiB); empty where there is no {@code /proc}.
	 */
	private static String commandLine(ProcessHandle process) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
					StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** A component that did not come up; carries what the user needs to see. */
	public static final class StartFailure extends RuntimeException {

		private final transient Running component;

		StartFailure(Running component, String reason) {
			super(component.name() + " " + reason);
			this.component = component;
		}

		public Running component() {
			return this.component;
		}

	}

}
