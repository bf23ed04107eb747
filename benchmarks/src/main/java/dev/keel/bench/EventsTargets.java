package dev.keel.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

/**
 * Where {@code keel bench events} goes, from the run state of a running platform: the
 * gateway (every measured request), the first auth-service instance (to sign up its two
 * users, past the gateway's signup limit), the first data-service instance (the direct
 * burst) and the metrics of every data-service instance (their outboxes' published
 * events), and Kafka, whose records tell when each event was published.
 *
 * @param gateway the gateway's base URL
 * @param authService the base URL of the first auth-service instance
 * @param dataService the base URL of the first data-service instance
 * @param dataMetrics the Prometheus endpoint of each live data-service instance
 * @param pids the platform's live processes, to tell when it is idle
 * @param kafka Kafka's bootstrap servers (the platform's embedded broker, or
 * {@code KEEL_KAFKA_BOOTSTRAP_SERVERS}), for the per-hop split; {@code null} when neither
 * is there
 */
record EventsTargets(URI gateway, URI authService, URI dataService, List<URI> dataMetrics, List<Long> pids,
		String kafka) {

	static EventsTargets from(RunState state, Path stateFile) {
		return from(state, stateFile, Map.of());
	}

	static EventsTargets from(RunState state, Path stateFile, Map<String, String> environment) {
		if (state.components().stream().noneMatch(Running::alive)) {
			throw new BenchAbort("Keel is not running (" + stateFile + " lists no live process). Start it with "
					+ "KEEL_RATE_LIMITS_ENABLED=false ./keel run --detach, with the same KEEL_PORT_OFFSET and "
					+ "KEEL_STATE_DIR as this command, then run ./keel bench events again.");
		}
		URI dataService = Targets.local(Targets.live(state, "data-service"));
		Targets.live(state, "notification-service");
		List<URI> metrics = state.components()
			.stream()
			.filter((component) -> "data-service".equals(component.module()) && component.alive())
			.map((component) -> URI.create("http://localhost:" + component.managementPort() + "/actuator/prometheus"))
			.toList();
		List<Long> pids = state.components().stream().filter(Running::alive).map(Running::pid).toList();
		String external = environment.getOrDefault("KEEL_KAFKA_BOOTSTRAP_SERVERS", "").trim();
		String kafka = !external.isEmpty() ? external
				: state.find("kafka").filter(Running::alive).map((broker) -> "localhost:" + broker.port()).orElse(null);
		return new EventsTargets(Targets.local(Targets.live(state, "gateway")),
				Targets.local(Targets.live(state, "auth-service")), dataService, metrics, pids, kafka);
	}

}
