package dev.keel.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * The record of a running platform in {@code .keel/run/state.json}: which processes were
 * started, in order, with their pids and ports, and the settings they were started with.
 * Written after every start, so that {@code keel stop} can clean up even after a failed
 * or interrupted run. Readable by its owner only: the settings may hold passwords.
 *
 * @param startedAt when the run started
 * @param host the address the run's services listen on ({@link BindAddress}), so that
 * {@code keel start} restarts a component on the same; {@code null} for loopback
 * @param components the started processes, in start order
 * @param settings the {@link Platform#settings settings} of the environment the run
 * started its components from, so that a process started beside the run (the gateway
 * benchmark's second gateway) is configured the same; empty for a run recorded without
 * them
 */
public record RunState(Instant startedAt, String host, List<Running> components, Map<String, String> settings) {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	public RunState {
		components = List.copyOf(components);
		settings = (settings != null) ? Map.copyOf(settings) : Map.of();
	}

	public RunState(Instant startedAt, List<Running> components) {
		this(startedAt, null, components, Map.of());
	}

	public static RunState empty() {
		return new RunState(Instant.now(), List.of());
	}

	/** This state, for a run whose services listen on {@code bindAddress}. */
	public RunState listeningOn(BindAddress bindAddress) {
		return new RunState(this.startedAt, bindAddress.address(), this.components, this.settings);
	}

	/** This state, for a run whose components start from these settings. */
	public RunState startedWith(Map<String, String> settings) {
		return new RunState(this.startedAt, this.host, this.components, settings);
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
		return new RunState(this.startedAt, this.host, all, this.settings);
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
			createOwnerOnly(temporary);
			json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	private static void createOwnerOnly(Path file) throws IOException {
		Files.deleteIfExists(file);
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the folder's own permissions apply.
			Files.createFile(file);
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
