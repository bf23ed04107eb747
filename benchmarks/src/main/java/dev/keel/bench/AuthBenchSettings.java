package dev.keel.bench;

import java.time.Duration;
import java.util.List;

/**
 * How {@code keel bench auth} runs.
 *
 * @param duration the measured time per scenario
 * @param warmup the unmeasured time before it
 * @param clients the numbers of concurrent clients, one scenario each
 * @param settleTimeout how long to wait for an idle platform before each scenario
 */
record AuthBenchSettings(Duration duration, Duration warmup, List<Integer> clients, Duration settleTimeout) {

	AuthBenchSettings {
		clients = List.copyOf(clients);
	}

	/** As many bench users as the largest scenario has clients. */
	int users() {
		return this.clients.stream().mapToInt(Integer::intValue).max().orElse(1);
	}

}
