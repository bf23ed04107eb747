package dev.keel.cli.command;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;
import dev.keel.cli.process.LogFormat;
import dev.keel.cli.process.Logs;

/**
 * Shows every component's new log lines in one terminal, each prefixed by its component
 * (in a colour of its own when the output is a terminal), and says when a process exits.
 */
final class LogStream {

	private static final String[] COLOURS = { "36", "32", "33", "35", "34", "96", "92", "93", "95", "94" };

	private LogStream() {
	}

	/**
	 * Blocks until interrupted (Ctrl-C ends the JVM, whose shutdown hook stops the
	 * platform).
	 */
	static void follow(RunState state, PrintStream out) throws InterruptedException {
		boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;
		int width = state.components().stream().mapToInt((component) -> component.name().length()).max().orElse(10);
		List<Thread> followers = new ArrayList<>();
		for (int index = 0; index < state.components().size(); index++) {
			Running component = state.components().get(index);
			String prefix = prefix(component.name(), width, colour ? COLOURS[index % COLOURS.length] : null);
			Path log = Path.of(component.log());
			long offset = Files.exists(log) ? sizeOf(log) : 0;
			followers.add(Thread.ofVirtual()
				.start(() -> Logs.follow(log, offset, (line) -> out.println(prefix + LogFormat.readable(line)))));
		}
		watchForExits(state, out);
	}

	private static void watchForExits(RunState state, PrintStream out) throws InterruptedException {
		List<Running> alive = new ArrayList<>(state.components());
		while (true) {
			for (Running component : List.copyOf(alive)) {
				if (!component.alive()) {
					out.printf("%s exited. Its log: %s%n", component.name(), component.log());
					alive.remove(component);
				}
			}
			Thread.sleep(1000);
		}
	}

	private static String prefix(String name, int width, String colour) {
		String padded = String.format("%-" + width + "s | ", name);
		return (colour != null) ? "\u001B[" + colour + "m" + padded + "\u001B[0m" : padded;
	}

	private static long sizeOf(Path log) {
		try {
			return Files.size(log);
		}
		catch (java.io.IOException ex) {
			return 0;
		}
	}

}
