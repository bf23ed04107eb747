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

class TargetsTests {

	private static final long ALIVE = ProcessHandle.current().pid();

	private static final long GONE = Long.MAX_VALUE - 1;

	private final Path stateFile = Path.of("/tmp/keel/run/state.json");

	@Test
	void findsTheGatewayTheFirstDataServiceAndItsStoreInTheRunState() {
		Targets targets = Targets.from(state(ALIVE), this.stateFile, Map.of());
		assertThat(targets.gateway()).isEqualTo(URI.create("http://localhost:38080"));
		assertThat(targets.direct()).isEqualTo(URI.create("http://localhost:38082"));
		assertThat(targets.mongoUri()).isEqualTo("mongodb://localhost:57082");
		assertThat(targets.database()).isEqualTo("keel_data");
		assertThat(targets.pids()).hasSize(4);
	}

	@Test
	void anExternalStoreComesFromTheEnvironment() {
		Targets targets = Targets.from(state(ALIVE), this.stateFile,
				Map.of("KEEL_MONGODB_URI", "mongodb://db:27017", "KEEL_MONGODB_DATABASE", "data"));
		assertThat(targets.mongoUri()).isEqualTo("mongodb://db:27017");
		assertThat(targets.database()).isEqualTo("data");
	}

	@Test
	void saysHowToStartThePlatformWhenNothingRuns() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> Targets.from(RunState.empty(), this.stateFile, Map.of()))
			.withMessageContaining("Keel is not running")
			.withMessageContaining("./keel run --detach")
			.withMessageContaining("KEEL_PORT_OFFSET");
	}

	@Test
	void saysHowToRestartAStoppedDataService() {
		RunState state = state(ALIVE).with(service("data-service", GONE, 38082));
		assertThatExceptionOfType(BenchAbort.class).isThrownBy(() -> Targets.from(state, this.stateFile, Map.of()))
			.withMessageContaining("./keel start data-service");
	}

	private static RunState state(long pid) {
		return new RunState(Instant.now(),
				List.of(new Running("mongo-data", Kind.INFRA, null, pid, 57082, 0, "mongo-data.log"),
						service("data-service", pid, 38082), service("data-service-2", pid, 41234),
						service("gateway", pid, 38080)));
	}

	private static Running service(String name, long pid, int port) {
		return new Running(name, Kind.SERVICE, name.replace("-2", ""), pid, port, port + 1000, name + ".log");
	}

}
