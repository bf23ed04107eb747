package dev.keel.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthResultTableTests {

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	private static final Duration HASH = Duration.ofMillis(38).plusNanos(400_000);

	@Test
	void oneRowPerTargetAndClientCountWithLoginsPerSecondAndMillis() {
		List<String> lines = AuthResultTable.lines(List.of(result(Target.DIRECT, 16, 455, 33.2, 81.5, Map.of())), HASH,
				false);
		assertThat(lines.get(0)).containsSubsequence("TARGET", "CLIENTS", "LOGINS/S", "P50 MS", "P99 MS", "503",
				"ERRORS");
		assertThat(lines.get(1)).containsSubsequence("direct", "16", "45.5", "33.2", "81.5", "0", "0");
		assertThat(lines)
			.contains("One Argon2id hash (19 MiB, t=2, p=1), timed in this process: 38.4 ms (median of 15).");
		assertThat(lines).noneMatch((line) -> line.startsWith("!!!"));
	}

	@Test
	void countsShedLoginsApartFromFailures() {
		ScenarioResult shedding = result(Target.GATEWAY, 64, 300, 900, 1400,
				Map.of(AuthResultTable.SHED, 120L, "400 invalid_grant", 2L));
		List<String> lines = AuthResultTable.lines(List.of(shedding), HASH, false);
		assertThat(lines.get(1)).containsSubsequence("gateway", "64", "30.0", "900.0", "1400.0", "120", "2");
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("!!! 2 LOGINS FAILED"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("2 x 400 invalid_grant"));
		assertThat(lines).noneMatch((line) -> line.contains("x " + AuthResultTable.SHED));
		assertThat(AuthResultTable.errors(List.of(shedding))).isEqualTo(2);
	}

	@Test
	void saysWhyTheGatewayWasNotMeasured() {
		List<String> lines = AuthResultTable.lines(List.of(result(Target.DIRECT, 1, 250, 38, 45, Map.of())), HASH,
				true);
		assertThat(lines).anySatisfy(
				(line) -> assertThat(line).startsWith("gateway: skipped").contains("KEEL_RATE_LIMITS_ENABLED=false"));
	}

	@Test
	void readsTheErrorOfATokenAnswerOrAProblem() {
		assertThat(BenchLogins.errorCode("{\"error\":\"temporarily_unavailable\",\"error_description\":\"busy\"}"))
			.isEqualTo("temporarily_unavailable");
		assertThat(BenchLogins.errorCode("{\"code\":\"rate_limited\",\"status\":429}")).isEqualTo("rate_limited");
		assertThat(BenchLogins.errorCode("<html>")).isEmpty();
	}

	private static ScenarioResult result(Target target, int clients, long logins, double p50Millis, double p99Millis,
			Map<String, Long> failures) {
		return new ScenarioResult(Integer.toString(clients), target,
				new Measurement(logins, TEN_SECONDS, p50Millis * 1e6, p99Millis * 1e6, failures));
	}

}
