package dev.keel.launcher.platform;

import java.nio.file.Path;

/**
 * Where things are: the checkout ({@code home}) with the built jars, and {@code .keel/}
 * with logs, data and the run state. Everything a local run writes stays under
 * {@code .keel/}, so {@code keel run --clean} can wipe it.
 */
public record Layout(Path home) {

	public Path keelDir() {
		return this.home.resolve(".keel");
	}

	public Path logs() {
		return keelDir().resolve("logs");
	}

	public Path log(String component) {
		return logs().resolve(component + ".log");
	}

	public Path data() {
		return keelDir().resolve("data");
	}

	public Path stateFile() {
		return keelDir().resolve("run").resolve("state.json");
	}

	public Path jar(String module) {
		return this.home.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/**
	 * The jar extracted for class-data sharing, and its archive, rebuilt when the jar
	 * changes.
	 */
	public Path extracted(String module) {
		return keelDir().resolve("app").resolve(module);
	}

}
