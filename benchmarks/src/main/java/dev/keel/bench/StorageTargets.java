package dev.keel.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

/**
 * Where {@code keel bench storage} goes, from the run state of a running platform: the
 * gateway, the first storage-service instance's own port, the processes whose CPU each
 * transfer costs, and a folder on the disk the local backend writes to, for the plain
 * copy.
 *
 * @param gateway the gateway's base URL
 * @param storage the base URL of the first storage-service instance
 * @param gatewayPids the gateway's process
 * @param storagePids every live storage-service instance
 * @param pids the platform's live processes, to tell when it is idle
 * @param disk a folder on the storage folder's disk
 */
record StorageTargets(URI gateway, URI storage, List<Long> gatewayPids, List<Long> storagePids, List<Long> pids,
		Path disk) {

	static StorageTargets from(RunState state, Path stateFile, Path data) {
		if (state.components().stream().noneMatch(Running::alive)) {
			throw new BenchAbort("Keel is not running (" + stateFile + " lists no live process). Start it with "
					+ "./keel run --detach, with the same KEEL_PORT_OFFSET and KEEL_STATE_DIR as this command, "
					+ "then run ./keel bench storage again.");
		}
		Running gateway = Targets.live(state, "gateway");
		Running storage = Targets.live(state, "storage-service");
		List<Long> storagePids = state.components()
			.stream()
			.filter((component) -> "storage-service".equals(component.module()) && component.alive())
			.map(Running::pid)
			.toList();
		List<Long> pids = state.components().stream().filter(Running::alive).map(Running::pid).toList();
		return new StorageTargets(Targets.local(gateway), Targets.local(storage), List.of(gateway.pid()), storagePids,
				pids, data);
	}

}
