package dev.keel.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuMeterTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void cpuPerRequestIsEachProcesssTimeOverTheRequests() {
		CpuMeter.Snapshot start = new CpuMeter.Snapshot(0, Map.of("gateway", 5 * SECOND, "service", SECOND));
		CpuMeter.Snapshot end = new CpuMeter.Snapshot(10 * SECOND,
				Map.of("gateway", 6 * SECOND, "service", 3 * SECOND));
		CpuUse use = end.perRequestSince(start, 10_000, Map.of());
		assertThat(use.of("gateway")).isCloseTo(100, within(1e-9));
		assertThat(use.of("service")).isCloseTo(200, within(1e-9));
		assertThat(use.total()).isCloseTo(300, within(1e-9));
	}

	@Test
	void idleUseOverTheSameTimeIsTakenOff() {
		CpuMeter.Snapshot start = new CpuMeter.Snapshot(0, Map.of("broker", 0L));
		CpuMeter.Snapshot end = new CpuMeter.Snapshot(10 * SECOND, Map.of("broker", SECOND / 2));
		assertThat(end.perRequestSince(start, 5_000, Map.of("broker", 0.04)).of("broker")).isCloseTo(20, within(1e-9));
		assertThat(end.perRequestSince(start, 5_000, Map.of("broker", 0.08)).of("broker")).isZero();
	}

	@Test
	void unknownTimesAndNoRequestsGiveNoFigure() {
		CpuMeter.Snapshot start = new CpuMeter.Snapshot(0, Map.of("wrk", -1L, "service", 0L));
		CpuMeter.Snapshot end = new CpuMeter.Snapshot(SECOND, Map.of("wrk", -1L, "service", SECOND));
		assertThat(end.perRequestSince(start, 100, Map.of()).of("wrk")).isNaN();
		assertThat(end.perRequestSince(start, 0, Map.of()).of("service")).isNaN();
		assertThat(end.perRequestSince(start, 100, Map.of()).of("store")).isNaN();
	}

	@Test
	void idleIsMeasuredInCoresOverAnInterval() throws Exception {
		CpuMeter meter = new CpuMeter(Map.of("this", () -> ProcessCpu.nanos(ProcessHandle.current().pid())));
		assertThat(meter.idle(java.time.Duration.ofMillis(200))).containsKey("this");
	}

}
