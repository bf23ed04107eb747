package dev.keel.bench;

/**
 * One line of the results table.
 *
 * @param operation {@code create}, {@code get-by-id} or {@code query}
 * @param target what the requests went to
 * @param measurement what was measured
 * @param busyCoresBefore the cores the platform used just before the scenario started
 * @param cpu the CPU time per request of each process on the path, during the measured
 * window
 */
record ScenarioResult(String operation, Target target, Measurement measurement, double busyCoresBefore, CpuUse cpu) {

	ScenarioResult(String operation, Target target, Measurement measurement, double busyCoresBefore) {
		this(operation, target, measurement, busyCoresBefore, CpuUse.NONE);
	}

	ScenarioResult(String operation, Target target, Measurement measurement) {
		this(operation, target, measurement, 0);
	}

	/** Whether the platform was idle when the scenario started. */
	boolean startedIdle() {
		return Settle.idle(this.busyCoresBefore);
	}

}
