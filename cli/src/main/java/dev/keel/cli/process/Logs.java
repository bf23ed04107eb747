package dev.keel.cli.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** Reads components' log files: their last lines, and new lines as they are written. */
public final class Logs {

	private Logs() {
	}

	public static List<String> tail(Path file, int lines) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		Deque<String> last = new ArrayDeque<>(lines);
		try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
			all.forEach((line) -> {
				if (last.size() == lines) {
					last.removeFirst();
				}
				last.addLast(line);
			});
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return List.of();
		}
		return List.copyOf(last);
	}

	/**
	 * Follows a file like {@code tail -f}, from {@code offset}, handing complete lines to
	 * the consumer until the thread is interrupted.
	 */
	public static void follow(Path file, long offset, java.util.function.Consumer<String> consumer) {
		long position = offset;
		StringBuilder partial = new StringBuilder();
		byte[] buffer = new byte[8192];
		while (!Thread.currentThread().isInterrupted()) {
			try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
				if (reader.length() < position) {
					position = 0;
				}
				reader.seek(position);
				int read;
				while ((read = reader.read(buffer)) > 0) {
					position += read;
					partial.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
					int newline;
					while ((newline = partial.indexOf("\n")) >= 0) {
						consumer.accept(partial.substring(0, newline));
						partial.delete(0, newline + 1);
					}
				}
			}
			catch (IOException ex) {
				// not created yet, or rotated: try again shortly
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

}
