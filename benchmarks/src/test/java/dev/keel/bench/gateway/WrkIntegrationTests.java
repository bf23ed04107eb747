package dev.keel.bench.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** wrk with the benchmark's scripts, when wrk is installed. */
class WrkIntegrationTests {

	@TempDir
	Path scripts;

	private Path executable;

	@BeforeEach
	void findWrk() {
		Optional<Path> wrk = Executables.find("wrk", System.getenv("PATH"));
		assumeTrue(wrk.isPresent(), "wrk is not installed");
		this.executable = wrk.get();
	}

	@Test
	void sendsTheTokenFromTheEnvironmentAndCountsRefusals() throws Exception {
		try (Backend backend = new Backend()) {
			Wrk wrk = new Wrk(this.executable, 1, 2, this.scripts);
			URI url = URI.create("http://127.0.0.1:" + backend.port() + "/api/notifications/unread-count");
			WrkRun accepted = wrk.run(url, Backend.TOKEN, Duration.ofSeconds(1), 0);
			assertThat(accepted.requests()).isPositive();
			assertThat(accepted.errors()).isZero();
			assertThat(backend.refused()).isZero();
			WrkRun refused = wrk.run(url, "forged", Duration.ofSeconds(1), 0);
			assertThat(refused.badStatuses()).isEqualTo(refused.requests()).isPositive();
		}
	}

	@Test
	void aPacedRunHoldsTheRateItIsGiven() throws Exception {
		try (Backend backend = new Backend()) {
			Wrk wrk = new Wrk(this.executable, 2, 8, this.scripts);
			URI url = URI.create("http://127.0.0.1:" + backend.port() + "/");
			WrkRun run = wrk.run(url, Backend.TOKEN, Duration.ofSeconds(3), 300);
			assertThat(run.requestsPerSecond()).isCloseTo(300, within(30.0));
			assertThat(run.errors()).isZero();
		}
	}

}
