package dev.keel.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.cli.platform.Kind;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventsTargetsTests {

	private static final long ALIVE = ProcessHandle.current().pid();

	private final Path stateFile = Path.of("/tmp/keel/run/state.json");

	@Test
	void readsTheOutboxesOfEveryDataServiceInstance() {
		EventsTargets targets = EventsTargets.from(state(), this.stateFile);
		assertThat(targets.gateway()).isEqualTo(URI.create("http://localhost:38080"));
		assertThat(targets.authService()).isEqualTo(URI.create("http://localhost:38081"));
		assertThat(targets.dataMetrics()).containsExactly(URI.create("http://localhost:39082/actuator/prometheus"),
				URI.create("http://localhost:42234/actuator/prometheus"));
		assertThat(targets.pids()).hasSize(5);
	}

	@Test
	void sendsTheDirectBurstToTheFirstDataServiceInstancesOwnPort() {
		assertThat(EventsTargets.from(state(), this.stateFile).dataService())
			.isEqualTo(URI.create("http://localhost:38082"));
	}

	@Test
	void readsTheEventsFromThePlatformsBrokerOrTheOneItWasGiven() {
		RunState withBroker = new RunState(Instant.now(),
				List.of(service("gateway", 38080), service("auth-service", 38081), service("data-service", 38082),
						service("notification-service", 38083),
						new Running("kafka", Kind.INFRA, "kafka", ALIVE, 39092, 0, "kafka.log")));
		assertThat(EventsTargets.from(withBroker, this.stateFile).kafka()).isEqualTo("localhost:39092");
		assertThat(EventsTargets.from(state(), this.stateFile, Map.of("KEEL_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"))
			.kafka()).isEqualTo("kafka:9092");
		assertThat(EventsTargets.from(state(), this.stateFile).kafka()).isNull();
	}

	@Test
	void saysHowToStartThePlatformWhenNothingRuns() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> EventsTargets.from(RunState.empty(), this.stateFile))
			.withMessageContaining("KEEL_RATE_LIMITS_ENABLED=false ./keel run --detach");
	}

	private static RunState state() {
		return new RunState(Instant.now(),
				List.of(service("gateway", 38080), service("auth-service", 38081), service("data-service", 38082),
						service("data-service-2", 41234), service("notification-service", 38083)));
	}

	private static Running service(String name, int port) {
		return new Running(name, Kind.SERVICE, name.replace("-2", ""), ALIVE, port, port + 1000, name + ".log");
	}

}
