package dev.keel.launcher.bench;

/**
 * One line of the results table.
 *
 * @param operation {@code create}, {@code get-by-id} or {@code query}
 * @param target what the requests went to
 * @param measurement what was measured
 */
record ScenarioResult(String operation, Target target, Measurement measurement) {

}
