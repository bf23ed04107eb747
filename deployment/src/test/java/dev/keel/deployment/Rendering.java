package dev.keel.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects one kustomization renders to. */
record Rendering(String source, List<Resource> resources) {

	static Rendering parse(String source, String yaml) {
		return new Rendering(source, Yamls.documents(yaml).stream().map(Resource::of).toList());
	}

	Stream<Resource> ofKind(String kind) {
		return this.resources.stream().filter((resource) -> kind.equals(resource.kind()));
	}

	Stream<Resource> workloads() {
		return this.resources.stream().filter(Resource::isWorkload);
	}

	Stream<Resource> keelWorkloads() {
		return this.resources.stream().filter(Resource::isKeel);
	}

	Optional<Resource> find(String kind, String name) {
		return ofKind(kind).filter((resource) -> resource.name().equals(name)).findFirst();
	}

	Map<String, Object> configMapData(String name) {
		return find("ConfigMap", name).map((configMap) -> Yamls.mapAt(configMap.body(), "data")).orElse(null);
	}

	@Override
	public String toString() {
		return this.source;
	}

}
