package dev.keel.bench.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.keel.bench.BenchAbort;
import dev.keel.cli.platform.Kind;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayTargetsTests {

	private static final long ALIVE = ProcessHandle.current().pid();

	private static final long GONE = Long.MAX_VALUE - 1;

	private final Path stateFile = Path.of("/tmp/keel/run/state.json");

	@Test
	void findsTheGatewayAndTheFirstInstanceOfTheServiceBehindThePath() {
		GatewayTargets targets = GatewayTargets.from(state(ALIVE), this.stateFile, "/api/notifications/unread-count");
		assertThat(targets.gateway()).isEqualTo(URI.create("http://127.0.0.1:38080"));
		assertThat(targets.module()).isEqualTo("notification-service");
		assertThat(targets.direct()).isEqualTo(URI.create("http://127.0.0.1:38083"));
		assertThat(targets.instances()).isEqualTo(2);
		assertThat(targets.pids()).hasSize(4);
		assertThat(GatewayTargets.from(state(ALIVE), this.stateFile, "/api/auth/me").direct())
			.isEqualTo(URI.create("http://127.0.0.1:38081"));
	}

	@Test
	void theProcessesOnThePathForTheirCpuTime() {
		RunState state = state(ALIVE).with(store(ALIVE));
		GatewayTargets targets = GatewayTargets.from(state, this.stateFile, "/api/notifications/unread-count");
		assertThat(targets.onPath().get(GatewayTargets.SERVICE)).containsExactly(ALIVE, ALIVE);
		assertThat(targets.onPath().get(GatewayTargets.GATEWAY)).containsExactly(ALIVE);
		assertThat(targets.onPath().get(GatewayTargets.STORE)).containsExactly(ALIVE);
		assertThat(targets.onPath().get(GatewayTargets.BROKER)).as("no broker in this state").isEmpty();
		assertThat(GatewayTargets.from(state(ALIVE).with(store(GONE)), this.stateFile, "/api/notifications/x")
			.onPath()
			.get(GatewayTargets.STORE)).as("a store that is gone").isEmpty();
	}

	@Test
	void saysHowToStartThePlatformWhenNothingRuns() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> GatewayTargets.from(RunState.empty(), this.stateFile, "/api/auth/me"))
			.withMessageContaining("./keel run --detach")
			.withMessageContaining("KEEL_PORT_OFFSET");
	}

	@Test
	void saysHowToRestartAStoppedGateway() {
		RunState state = state(ALIVE).with(service("gateway", "gateway", GONE, 38080));
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> GatewayTargets.from(state, this.stateFile, "/api/auth/me"))
			.withMessageContaining("./keel start gateway");
	}

	@Test
	void aPathTheGatewayDoesNotRouteIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> GatewayTargets.serviceOf("/actuator/health"))
			.withMessageContaining("/api/notifications/");
	}

	private static RunState state(long pid) {
		return new RunState(Instant.now(),
				List.of(service("auth-service", "auth-service", pid, 38081),
						service("notification-service-2", "notification-service", pid, 41234),
						service("notification-service", "notification-service", pid, 38083),
						service("gateway", "gateway", pid, 38080)));
	}

	private static Running store(long pid) {
		return new Running("mongo-notification", Kind.INFRA, "mongo", pid, 27083, 0, "mongo-notification.log");
	}

	private static Running service(String name, String module, long pid, int port) {
		return new Running(name, Kind.SERVICE, module, pid, port, port + 1000, name + ".log");
	}

}
