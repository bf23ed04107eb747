package dev.keel.bench.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.keel.bench.BenchAbort;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

/**
 * What the benchmark finds in the run state of the running platform: the gateway, the
 * service that answers the measured path, and the instance of it measured directly and
 * behind nginx.
 *
 * @param gateway the platform gateway's base URL
 * @param module the service behind the measured path ({@code notification-service})
 * @param service the instance measured directly: the first one started
 * @param instances how many instances of the service run; the gateway spreads requests
 * over all of them, while direct and nginx go to one
 * @param pids the platform's live processes, to tell when it is idle
 * @param onPath the processes on the measured path by role ({@link #GATEWAY},
 * {@link #SERVICE}, {@link #STORE}, {@link #BROKER}), for their CPU time per request
 */
record GatewayTargets(URI gateway, String module, Running service, int instances, List<Long> pids,
		Map<String, List<Long>> onPath) {

	static final String GATEWAY = "gateway";

	static final String SERVICE = "service";

	static final String STORE = "store";

	static final String BROKER = "broker";

	/** The services by the path prefix the gateway routes to them. */
	static final Map<String, String> SERVICES = Map.of("/api/auth/", "auth-service", "/api/data/", "data-service",
			"/api/notifications/", "notification-service");

	static GatewayTargets from(RunState state, Path stateFile, String path) {
		String module = serviceOf(path);
		if (state.components().stream().noneMatch(Running::alive)) {
			throw new BenchAbort("Keel is not running (" + stateFile + " lists no live process). Start it with "
					+ "./keel run --detach, with the same KEEL_PORT_OFFSET and KEEL_STATE_DIR as this command, "
					+ "then run ./keel bench gateway again.");
		}
		Running gateway = state.find("gateway")
			.filter(Running::alive)
			.orElseThrow(() -> new BenchAbort("The platform's gateway is not running. Start it again with "
					+ "./keel start gateway, or restart everything with ./keel stop && ./keel run --detach."));
		List<Running> instances = state.components()
			.stream()
			.filter((component) -> module.equals(component.module()) && component.alive())
			.sorted(Comparator.comparing((Running component) -> !component.name().equals(module)))
			.toList();
		if (instances.isEmpty()) {
			throw new BenchAbort(
					"No " + module + " instance is running. Start it again with ./keel start " + module + ".");
		}
		List<Long> pids = state.components().stream().filter(Running::alive).map(Running::pid).toList();
		Map<String, List<Long>> onPath = Map.of(GATEWAY, List.of(gateway.pid()), SERVICE,
				instances.stream().map(Running::pid).toList(), STORE,
				livePid(state, "mongo-" + module.replace("-service", "")), BROKER, livePid(state, "kafka"));
		return new GatewayTargets(URI.create("http://127.0.0.1:" + gateway.port()), module, instances.getFirst(),
				instances.size(), pids, onPath);
	}

	/**
	 * The process of an infrastructure component, none when it is not running (an
	 * external one).
	 */
	private static List<Long> livePid(RunState state, String name) {
		return state.find(name).filter(Running::alive).map((component) -> List.of(component.pid())).orElse(List.of());
	}

	static String serviceOf(String path) {
		return SERVICES.entrySet()
			.stream()
			.filter((prefix) -> path.startsWith(prefix.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"the path must start with one of " + SERVICES.keySet().stream().sorted().toList()));
	}

	URI direct() {
		return URI.create("http://127.0.0.1:" + this.service.port());
	}

}
