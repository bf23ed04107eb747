package dev.keel.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

/**
 * Where the benchmark sends its requests, from the run state of a running platform: the
 * gateway, the first data-service instance, and data-service's store (its embedded
 * {@code mongo-data}, or {@code KEEL_MONGODB_URI} when the platform runs on an external
 * MongoDB).
 *
 * @param gateway the gateway's base URL
 * @param direct the base URL of the data-service instance measured directly
 * @param mongoUri data-service's MongoDB connection string
 * @param database data-service's database
 * @param pids the platform's live processes, to tell when it is idle
 * @param onPath the processes on the measured paths by label ({@link #GATEWAY},
 * {@link #DATA}, {@link #STORE}, {@link #BROKER}), for their CPU time per request; the
 * store and the broker only when the platform runs them
 */
record Targets(URI gateway, URI direct, String mongoUri, String database, List<Long> pids,
		Map<String, List<Long>> onPath) {

	static final String GATEWAY = "gateway";

	static final String DATA = "data-service";

	static final String STORE = "store";

	static final String BROKER = "broker";

	static Targets from(RunState state, Path stateFile, Map<String, String> environment) {
		if (state.components().stream().noneMatch(Running::alive)) {
			throw new BenchAbort("Keel is not running (" + stateFile + " lists no live process). Start it with "
					+ "./keel run --detach, with the same KEEL_PORT_OFFSET and KEEL_STATE_DIR as this command, "
					+ "then run ./keel bench data again.");
		}
		Running gateway = live(state, "gateway");
		Running data = live(state, "data-service");
		String external = environment.getOrDefault("KEEL_MONGODB_URI", "").trim();
		String mongoUri = external.isEmpty() ? "mongodb://localhost:" + live(state, "mongo-data").port() : external;
		String database = environment.getOrDefault("KEEL_MONGODB_DATABASE", "").trim();
		List<Long> pids = state.components().stream().filter(Running::alive).map(Running::pid).toList();
		Map<String, List<Long>> onPath = new LinkedHashMap<>();
		onPath.put(GATEWAY, List.of(gateway.pid()));
		onPath.put(DATA,
				state.components()
					.stream()
					.filter((component) -> "data-service".equals(component.module()) && component.alive())
					.map(Running::pid)
					.toList());
		onPath.put(STORE, external.isEmpty() ? List.of(live(state, "mongo-data").pid()) : List.of());
		onPath.put(BROKER,
				state.find("kafka").filter(Running::alive).map((kafka) -> List.of(kafka.pid())).orElse(List.of()));
		return new Targets(local(gateway), local(data), mongoUri, database.isEmpty() ? "keel_data" : database, pids,
				onPath);
	}

	/** A component of the running platform that is alive, or a clear abort. */
	static Running live(RunState state, String name) {
		Running component = state.find(name)
			.orElseThrow(() -> new BenchAbort("The running platform has no " + name + ". Restart it with "
					+ "./keel stop && ./keel run --detach."));
		if (!component.alive()) {
			throw new BenchAbort(name + " is not running (pid " + component.pid() + " is gone). Start it again with "
					+ "./keel start " + name + ", or restart everything with ./keel stop && ./keel run --detach.");
		}
		return component;
	}

	/** The component's HTTP address on this machine. */
	static URI local(Running component) {
		return URI.create("http://localhost:" + component.port());
	}

}
