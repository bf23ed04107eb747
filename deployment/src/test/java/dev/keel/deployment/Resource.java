package dev.keel.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One rendered Kubernetes object. */
record Resource(String kind, String name, Map<String, Object> body) {

	static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

	static Resource of(Map<String, Object> body) {
		return new Resource(Yamls.stringAt(body, "kind"), Yamls.stringAt(body, "metadata", "name"), body);
	}

	boolean isWorkload() {
		return WORKLOAD_KINDS.contains(this.kind);
	}

	String label(String key) {
		return Yamls.stringAt(this.body, "metadata", "labels", key);
	}

	/** For a workload: the labels its pods get. */
	Map<String, Object> podLabels() {
		return Yamls.mapAt(this.body, "spec", "template", "metadata", "labels");
	}

	Map<String, Object> podSpec() {
		return Yamls.mapAt(this.body, "spec", "template", "spec");
	}

	/** Containers and init containers of a workload's pods. */
	List<Map<String, Object>> containers() {
		List<Map<String, Object>> containers = new ArrayList<>();
		for (Object container : Yamls.listAt(podSpec(), "initContainers")) {
			containers.add(Yamls.map(container));
		}
		for (Object container : Yamls.listAt(podSpec(), "containers")) {
			containers.add(Yamls.map(container));
		}
		return containers;
	}

	/**
	 * A Keel workload (discovery, the gateway or a service), as opposed to
	 * infrastructure.
	 */
	boolean isKeel() {
		return isWorkload() && Repository.SERVICES.contains(label("app.kubernetes.io/name"));
	}

	@Override
	public String toString() {
		return this.kind + "/" + this.name;
	}

}
