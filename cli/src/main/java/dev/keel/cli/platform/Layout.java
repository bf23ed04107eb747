package dev.keel.cli.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are: the checkout ({@code home}) with the built jars, and the state folder
 * ({@code .keel/}, or {@code KEEL_STATE_DIR}) with logs, data and the run state.
 * Everything a local run writes stays in the state folder, so {@code keel run --clean}
 * can wipe it.
 */
public record Layout(Path home, Path keelDir) {

	public Layout(Path home) {
		this(home, home.resolve(".keel"));
	}

	public static Layout of(Path home, Map<String, String> environment) {
		String stateDir = environment.getOrDefault("KEEL_STATE_DIR", "").trim();
		return stateDir.isEmpty() ? new Layout(home) : new Layout(home, Path.of(stateDir).toAbsolutePath().normalize());
	}

	public Path logs() {
		return this.keelDir.resolve("logs");
	}

	public Path log(String component) {
		return logs().resolve(component + ".log");
	}

	public Path data() {
		return this.keelDir.resolve("data");
	}

	/**
	 * The password generated for discovery, kept across runs ({@link DiscoveryAccess}).
	 */
	public Path discoveryPasswordFile() {
		return this.keelDir.resolve("discovery-password");
	}

	/**
	 * The key storage-service signs download URLs with, generated once per state folder
	 * ({@link StorageSigningSecret}).
	 */
	public Path storageSigningSecretFile() {
		return this.keelDir.resolve("storage-signing-secret");
	}

	/** The folder of storage-service's local blob store, shared by its instances. */
	public Path storage() {
		return data().resolve("storage");
	}

	public Path stateFile() {
		return this.keelDir.resolve("run").resolve("state.json");
	}

	/** When {@code ./keel} last built the jars (written by the script). */
	public Path buildStamp() {
		return this.home.resolve(".keel").resolve("build.stamp");
	}

	public Path jar(String module) {
		return this.home.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/**
	 * The jar extracted for a start-up cache (AOT cache or class-data-sharing archive),
	 * and the cache, rebuilt when the jar changes.
	 */
	public Path extracted(String module) {
		return this.keelDir.resolve("app").resolve(module);
	}

	/**
	 * The start-up caches of the embedded infrastructure, which runs on the launcher's
	 * class path.
	 */
	public Path infraCaches() {
		return this.keelDir.resolve("app").resolve("infra");
	}

}
