package dev.keel.bench.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WrkScriptTests {

	@Test
	void theTokenComesFromTheEnvironmentNotTheCommandLine() {
		assertThat(WrkScript.unpaced())
			.contains("wrk.headers[\"Authorization\"] = \"Bearer \" .. os.getenv(\"KEEL_BENCH_TOKEN\")")
			.doesNotContain("function delay");
	}

	@Test
	void aPacedThreadGetsOneSlotPerIntervalOfItsRate() {
		assertThat(WrkScript.paced(500)).contains("local interval = 2.000000")
			.contains("function delay()")
			.contains("KEEL_BENCH_TOKEN");
		assertThat(WrkScript.paced(3)).contains("local interval = 333.333333");
	}

	@Test
	void refusesARateThatPacesNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> WrkScript.paced(0));
		assertThatIllegalArgumentException().isThrownBy(() -> WrkScript.paced(Double.NaN));
	}

}
