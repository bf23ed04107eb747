package dev.keel.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTests {

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	@Test
	void oneRowPerScenarioWithRequestsPerSecondAndMillis() {
		List<String> lines = ResultTable.lines(List.of(result("query", Target.GATEWAY, 12_345, 3.5, 12.25)));
		assertThat(lines.get(0)).containsSubsequence("OPERATION", "TARGET", "REQ/S", "P50 MS", "P99 MS", "ERRORS");
		assertThat(lines.get(1)).containsSubsequence("query", "gateway", "1235", "3.50", "12.25", "0");
	}

	@Test
	void comparesTheGatewayWithDirectAndDirectWithTheDriver() {
		List<String> lines = ResultTable.lines(List.of(result("get-by-id", Target.GATEWAY, 10_000, 4, 20),
				result("get-by-id", Target.DIRECT, 20_000, 2, 8),
				result("get-by-id", Target.RAW_DRIVER, 80_000, 0.5, 2)));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("gateway / direct")
			.containsSubsequence("get-by-id", "req/s", "0.50x", "p50", "2.00x", "p99", "2.50x"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("direct / raw driver")
			.containsSubsequence("req/s", "0.25x", "p50", "4.00x", "p99", "4.00x"));
		assertThat(lines).noneMatch((line) -> line.contains("!!!"));
	}

	@Test
	void aScenarioThatStartedOnABusyPlatformIsMarked() {
		Measurement m = new Measurement(3000, TEN_SECONDS, 1e6, 5e6, Map.of());
		List<String> lines = ResultTable.lines(List.of(new ScenarioResult("create", Target.DIRECT, m, 0.05),
				new ScenarioResult("create", Target.GATEWAY, m, 1.1)));
		assertThat(lines.get(1)).doesNotContain("busy");
		assertThat(lines.get(2)).endsWith("* busy before (1.1 cores)");
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("* started while the platform was"));
	}

	@Test
	void noRatioWithoutBothSides() {
		assertThat(
				ResultTable.ratios(List.of(result("create", Target.GATEWAY, 100, 1, 2)), Target.GATEWAY, Target.DIRECT))
			.isEmpty();
	}

	@Test
	void failuresAreListedLoudlyWithTheirScenario() {
		Measurement failing = new Measurement(900, TEN_SECONDS, 1e6, 2e6,
				Map.of("create: HTTP 503 service_unavailable", 42L, "IOException: Connection reset", 3L));
		List<String> lines = ResultTable.lines(List.of(new ScenarioResult("create", Target.GATEWAY, failing)));
		assertThat(lines.get(1)).endsWith("45");
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("!!! 45 REQUESTS FAILED"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).containsSubsequence("create", "gateway", "42 x",
				"HTTP 503 service_unavailable"));
	}

	@Test
	void aScenarioWithoutOneSuccessShowsDashes() {
		Measurement none = Measurement.of(new long[0], TEN_SECONDS, Map.of("get: HTTP 404 document_not_found", 5L));
		List<String> lines = ResultTable.lines(List.of(new ScenarioResult("get-by-id", Target.DIRECT, none)));
		assertThat(lines.get(1)).containsSubsequence("get-by-id", "direct", "0", "-", "-", "5");
	}

	@Test
	void cpuPerRequestByProcessAndDataServicesOwnAgainstItsTargets() {
		Measurement m = new Measurement(3000, TEN_SECONDS, 1e6, 5e6, Map.of());
		CpuUse direct = new CpuUse(Map.of("data-service", 212.4, "store", 40.0, "broker", 2.0, "client", 60.0));
		CpuUse gateway = new CpuUse(
				Map.of("gateway", 150.0, "data-service", 220.0, "store", 41.0, "broker", 2.0, "client", 61.0));
		CpuUse create = new CpuUse(Map.of("data-service", 512.0, "store", 80.0, "broker", 20.0, "client", 70.0));
		List<String> lines = ResultTable.lines(List.of(new ScenarioResult("get-by-id", Target.DIRECT, m, 0, direct),
				new ScenarioResult("get-by-id", Target.GATEWAY, m, 0, gateway),
				new ScenarioResult("create", Target.DIRECT, m, 0, create)));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("OPERATION")
			.containsSubsequence("GATEWAY", "DATA-SERVICE", "STORE", "BROKER", "CLIENT", "TOTAL"));
		assertThat(lines).anySatisfy((line) -> assertThat(line.split("\\s+")).containsExactly("get-by-id", "direct",
				"-", "212", "40", "2", "60", "314"));
		assertThat(lines).anySatisfy((line) -> assertThat(line.split("\\s+")).containsExactly("get-by-id", "gateway",
				"150", "220", "41", "2", "61", "474"));
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith("data-service CPU per request, get-by-id direct")
				.contains("212 us", "target <= 250 us: met"));
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith("data-service CPU per request, create direct")
				.contains("512 us", "target <= 400 us: MISSED"));
	}

	@Test
	void withoutCpuFiguresThereIsNoCpuTable() {
		assertThat(ResultTable.lines(List.of(result("query", Target.GATEWAY, 100, 1, 2))))
			.noneMatch((line) -> line.contains("CPU"));
	}

	private static ScenarioResult result(String operation, Target target, long requests, double p50Millis,
			double p99Millis) {
		return new ScenarioResult(operation, target,
				new Measurement(requests, TEN_SECONDS, p50Millis * 1e6, p99Millis * 1e6, Map.of()));
	}

}
