package dev.keel.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

/**
 * Where {@code keel bench auth} sends its logins, from the run state of a running
 * platform: the gateway, and the first auth-service instance on its own port.
 *
 * @param gateway the gateway's base URL
 * @param direct the base URL of the auth-service instance measured directly
 * @param pids the platform's live processes, to tell when it is idle
 */
record AuthTargets(URI gateway, URI direct, List<Long> pids) {

	static AuthTargets from(RunState state, Path stateFile) {
		if (state.components().stream().noneMatch(Running::alive)) {
			throw new BenchAbort("Keel is not running (" + stateFile + " lists no live process). Start it with "
					+ "KEEL_RATE_LIMITS_ENABLED=false ./keel run --detach, with the same KEEL_PORT_OFFSET and "
					+ "KEEL_STATE_DIR as this command, then run ./keel bench auth again.");
		}
		List<Long> pids = state.components().stream().filter(Running::alive).map(Running::pid).toList();
		return new AuthTargets(Targets.local(Targets.live(state, "gateway")),
				Targets.local(Targets.live(state, "auth-service")), pids);
	}

}
