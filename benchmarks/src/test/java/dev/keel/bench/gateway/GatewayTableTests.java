package dev.keel.bench.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.bench.CpuUse;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTableTests {

	private static final Map<Route, WrkRun> PEAK = Map.of(Route.DIRECT, run(10_000, 1_000, 5_000), Route.NGINX,
			run(8_000, 1_200, 6_000), Route.GATEWAY_NO_VALIDATION, run(4_000, 4_000, 12_000), Route.GATEWAY,
			run(3_000, 5_000, 15_000));

	private static final Map<Route, WrkRun> FIXED = Map.of(Route.DIRECT, run(1_500, 700, 2_100), Route.NGINX,
			run(1_500, 800, 2_400), Route.GATEWAY_NO_VALIDATION, run(1_500, 1_500, 3_600), Route.GATEWAY,
			run(1_500, 1_700, 4_600));

	@Test
	void oneRowPerRouteWithItsPeakAndItsLatencyAtTheFixedRate() {
		List<String> lines = new GatewayTable(PEAK, FIXED, 1_500, 1).lines();
		assertThat(lines.get(0)).contains("peak").contains("at 1,500 req/s");
		assertThat(lines.get(1)).contains("ROUTE", "REQ/S", "P50 MS", "P99 MS", "ERRORS");
		assertThat(lines.get(2)).startsWith("direct").contains("10,000", "1.00", "5.00", "1,500", "0.70", "2.10");
		assertThat(lines.get(5)).startsWith("gateway ").contains("3,000", "15.00", "4.60");
	}

	@Test
	void ratiosFromTheSameRunAgainstTheirTargets() {
		List<String> lines = new GatewayTable(PEAK, FIXED, 1_500, 1).lines();
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith("peak req/s, gateway / direct").contains("0.30x"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("peak req/s, gateway / nginx")
			.contains("0.38x", "target >= 0.90x: MISSED"));
		assertThat(lines).anySatisfy(
				(line) -> assertThat(line).startsWith("peak req/s, gateway (no validation) / nginx").contains("0.50x"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("p99 at 1,500 req/s, gateway - direct")
			.contains("+2.50 ms", "target <= 2 ms: MISSED"));
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith("p99 at 1,500 req/s, gateway (no validation) - direct")
				.contains("+1.50 ms"));
	}

	@Test
	void aTargetMetSaysSo() {
		Map<Route, WrkRun> fast = Map.of(Route.DIRECT, run(10_000, 1_000, 5_000), Route.NGINX, run(8_000, 1_200, 6_000),
				Route.GATEWAY, run(7_500, 1_300, 6_500));
		Map<Route, WrkRun> fixed = Map.of(Route.DIRECT, run(3_750, 700, 2_100), Route.GATEWAY, run(3_750, 900, 3_000));
		List<String> lines = new GatewayTable(fast, fixed, 3_750, 1).lines();
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("0.94x", "target >= 0.90x: met"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("+0.90 ms", "target <= 2 ms: met"));
	}

	@Test
	void withoutNginxItsRowAndRatiosAreLeftOut() {
		Map<Route, WrkRun> peak = Map.of(Route.DIRECT, PEAK.get(Route.DIRECT), Route.GATEWAY, PEAK.get(Route.GATEWAY));
		List<String> lines = new GatewayTable(peak, Map.of(), 1_500, 1).lines();
		assertThat(lines).noneMatch((line) -> line.startsWith("nginx"));
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).startsWith("peak req/s, gateway / nginx").endsWith("-"));
	}

	@Test
	void errorsOfBothRoundsAreCounted() {
		Map<Route, WrkRun> failing = Map.of(Route.GATEWAY, new WrkRun(3_000, 5_000, 15_000, 45_000, 7, 2));
		Map<Route, WrkRun> fixed = Map.of(Route.GATEWAY, new WrkRun(1_500, 1_700, 4_600, 22_500, 1, 0));
		assertThat(new GatewayTable(failing, fixed, 1_500, 1).lines().get(2)).endsWith(" 10");
	}

	@Test
	void saysWhenTheGatewaySpreadsOverSeveralInstances() {
		assertThat(new GatewayTable(PEAK, FIXED, 1_500, 2).lines())
			.anySatisfy((line) -> assertThat(line).contains("2 instances", "direct and nginx go to one"));
		assertThat(new GatewayTable(PEAK, FIXED, 1_500, 1).lines()).noneMatch((line) -> line.contains("instances"));
	}

	@Test
	void cpuPerRequestByProcessOnEachRouteAndTheGatewaysAgainstItsTarget() {
		Map<Route, CpuUse> cpu = Map.of(Route.DIRECT,
				new CpuUse(Map.of("service", 400.0, "store", 30.0, "broker", 1.0, "wrk", 20.0)), Route.GATEWAY,
				new CpuUse(new LinkedHashMap<>(Map.of("proxy", 180.4, "service", 410.0, "store", 31.0, "wrk", 22.0))));
		List<String> lines = new GatewayTable(PEAK, FIXED, 1_500, 1, cpu).lines();
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("CPU per request at 1,500 req/s"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("ROUTE")
			.contains("PROXY", "SERVICE", "STORE", "BROKER", "WRK", "TOTAL"));
		assertThat(lines).anySatisfy(
				(line) -> assertThat(line.split("\\s+")).containsExactly("direct", "-", "400", "30", "1", "20", "451"));
		assertThat(lines).anySatisfy((line) -> assertThat(line.split("\\s+")).containsExactly("gateway", "180", "410",
				"31", "-", "22", "643"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("gateway CPU per request at 1,500 req/s")
			.contains("180 us", "target <= 150 us: MISSED"));
	}

	@Test
	void withoutCpuFiguresThereIsNoCpuTable() {
		assertThat(new GatewayTable(PEAK, FIXED, 1_500, 1).lines()).noneMatch((line) -> line.contains("CPU"));
	}

	private static WrkRun run(double requestsPerSecond, double p50Micros, double p99Micros) {
		return new WrkRun(requestsPerSecond, p50Micros, p99Micros, (long) requestsPerSecond * 15, 0, 0);
	}

}
