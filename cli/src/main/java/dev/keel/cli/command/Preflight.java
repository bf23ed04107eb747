package dev.keel.cli.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.process.Health;

/** Checks made before anything starts, each with a message that says what to do. */
final class Preflight {

	private Preflight() {
	}

	static boolean alreadyRunning(Layout layout, PrintStream out) {
		List<RunState.Running> alive = RunCommand.runningState(layout)
			.components()
			.stream()
			.filter(RunState.Running::alive)
			.toList();
		if (alive.isEmpty()) {
			return false;
		}
		out.printf("Keel is already running (%d processes). See ./keel status, or stop it with ./keel stop.%n",
				alive.size());
		return true;
	}

	/**
	 * Wipes the state folder but keeps the build stamp: the jars are still built, and
	 * without the stamp the next run would build them again, which replaces the start-up
	 * caches that run trains.
	 */
	static boolean clean(Layout layout, PrintStream out) throws IOException {
		Path keelDir = layout.keelDir();
		if (Files.exists(keelDir)) {
			try (Stream<Path> paths = Files.walk(keelDir)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					if (!path.equals(layout.buildStamp()) && !path.equals(keelDir)) {
						Files.delete(path);
					}
				}
			}
			out.println("Wiped " + keelDir + " (logs, data, state).");
		}
		return true;
	}

	static boolean jarsBuilt(Layout layout, List<Component> plan, PrintStream out) {
		List<String> missing = plan.stream()
			.filter(Component::isService)
			.map(Component::module)
			.distinct()
			.filter((module) -> !Files.isRegularFile(layout.jar(module)))
			.toList();
		if (missing.isEmpty()) {
			return true;
		}
		out.println(
				"Not built yet: " + String.join(", ", missing) + ". Run ./keel build (./keel run builds by itself).");
		return false;
	}

	static boolean portsFree(List<Component> plan, PrintStream out) {
		List<Component> taken = plan.stream().filter((component) -> Health.portOpen(component.port())).toList();
		for (Component component : taken) {
			out.printf(
					"Port %d, which %s needs, is already in use. Stop whatever listens there "
							+ "(ss -ltnp | grep %d shows it), or run ./keel stop if it is an earlier Keel.%n",
					component.port(), component.name(), component.port());
		}
		return taken.isEmpty();
	}

}
