package dev.keel.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The record of a running platform in {@code .keel/run/state.json}: which processes were
 * started, in order, with their pids and ports. Written after every start, so that
 * {@code keel stop} can clean up even after a failed or interrupted run.
 *
 * @param startedAt when the run started
 * @param host the address the run's services listen on ({@link BindAddress}), so that
 * {@code keel start} restarts a component on the same; {@code null} for loopback
 * @param components the started processes, in start order
 */
public record RunState(Instant startedAt, String host, List<Running> components) {

	private static final JsonMapper json = JsonMapper.builder().build();

	public RunState {
		components = List.copyOf(components);
	}

	public RunState(Instant startedAt, List<Running> components) {
		this(startedAt, null, components);
	}

	public static RunState empty() {
		return new RunState(Instant.now(), List.of());
	}

	/** This state, for a run whose services listen on {@code bindAddress}. */
	public RunState listeningOn(BindAddress bindAddress) {
		return new RunState(this.startedAt, bindAddress.address(), this.components);
	}

	/**
	 * This state with the component added, or replacing the one of the same name in
	 * place.
	 */
	public RunState with(Running component) {
		List<Running> all = new ArrayList<>(this.components);
		int existing = all.stream().map(Running::name).toList().indexOf(component.name());
		if (existing >= 0) {
			all.set(existing, component);
		}
		else {
			all.add(component);
		}
		return new RunState(this.startedAt, this.host, all);
	}

	public Optional<Running> find(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	public static Optional<RunState> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		return Optional.of(json.readValue(file.toFile(), RunState.class));
	}

	public void write(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * A started process.
	 *
	 * @param name the component name
	 * @param kind its tier
	 * @param module its Maven module, {@code null} for infrastructure
	 * @param pid the operating-system process id
	 * @param port its client port
	 * @param managementPort its actuator port, 0 for infrastructure
	 * @param log its log file
	 */
	public record Running(String name, Kind kind, String module, long pid, int port, int managementPort, String log) {

		/**
		 * Whether the process still runs. A killed process whose parent (the launcher) is
		 * gone stays a zombie until init reaps it, and the JDK counts zombies as alive;
		 * on Linux its state in {@code /proc} tells them apart.
		 */
		public boolean alive() {
			return ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(this.pid);
		}

		private static boolean zombie(long pid) {
			Path stat = Path.of("/proc", String.valueOf(pid), "stat");
			try {
				String line = Files.readString(stat);
				return line.substring(line.lastIndexOf(')') + 1).trim().startsWith("Z");
			}
			catch (IOException | RuntimeException ex) {
				return false;
			}
		}

	}

}
