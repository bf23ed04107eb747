package dev.keel.cli.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * What lets a JVM start faster the second time: on JDK 25 and newer an AOT cache (JEP 483
 * and 514: classes loaded and linked, and method profiles, from a training run), on JDK
 * 21 to 24 a dynamic class-data-sharing archive. Either is written by the first run of a
 * component when it stops, and used by every later start. Spring Boot jars are first
 * extracted ({@code -Djarmode=tools}), since both need a plain class path of jars.
 * <p>
 * One cache per module, trained by the instance named like the module: a second instance
 * ({@code data-service-2}, the gateway benchmark's gateway) uses it when it exists and
 * otherwise starts without one, so that two processes never write the same file.
 */
final class StartupCache {

	/** The first feature release whose JVM trains an AOT cache in one step. */
	static final int AOT_CACHE_SINCE = 25;

	/** The option that marks a JVM that writes its AOT cache when it exits. */
	static final String TRAINING_OPTION = "-XX:AOTCacheOutput=";

	private StartupCache() {
	}

	/**
	 * The JVM options that use, or write, the cache of a component.
	 * @param javaVersion the feature release of the JVM that runs the component
	 * @param directory where the caches of its module live
	 * @param cache the cache's name, without extension
	 * @param trains whether this process may write the cache when it is missing
	 * @return the options to put before the main class or jar
	 */
	static List<String> options(int javaVersion, Path directory, String cache, boolean trains) {
		if (javaVersion >= AOT_CACHE_SINCE) {
			Path aot = directory.resolve(cache + ".aot");
			if (Files.exists(aot)) {
				return List.of("-XX:AOTCache=" + aot, "-Xlog:aot*=off", "-Xlog:cds*=off");
			}
			return trains ? List.of(TRAINING_OPTION + aot, "-Xlog:aot*=off", "-Xlog:cds*=off") : List.of();
		}
		Path archive = directory.resolve(cache + ".jsa");
		if (!trains) {
			return Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off") : List.of();
		}
		return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off",
				"-Xlog:cds+dynamic=off");
	}

	/**
	 * The folder of caches trained on the launcher's own class path (the embedded
	 * infrastructure), emptied when that class path was rebuilt: a cache only serves the
	 * jars it was trained on.
	 * @param directory the folder
	 * @param classPath the launcher's class path
	 * @return the folder, ready for caches of this class path
	 */
	static synchronized Path forClassPath(Path directory, String classPath) {
		try {
			Path stamp = directory.resolve(".source");
			StringBuilder source = new StringBuilder();
			for (String entry : classPath.split(File.pathSeparator)) {
				Path path = Path.of(entry);
				source.append(entry);
				if (Files.isRegularFile(path)) {
					source.append(':')
						.append(Files.getLastModifiedTime(path).toMillis())
						.append(':')
						.append(Files.size(path));
				}
				source.append('\n');
			}
			if (!Files.exists(stamp) || !Files.readString(stamp).contentEquals(source)) {
				deleteRecursively(directory);
				Files.createDirectories(directory);
				Files.writeString(stamp, source);
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Extracts a Boot jar once per build; a new jar replaces the extracted files and the
	 * caches trained on the old ones.
	 * @return the folder with the extracted jar
	 */
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
