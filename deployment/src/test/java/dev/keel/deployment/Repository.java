package dev.keel.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The checkout these tests read. {@code keel.home} is set by the build; {@code keel.k8s}
 * points the Kubernetes tests at another copy of {@code k8s/} (to see a broken copy
 * fail).
 */
record Repository(Path root, Path k8s) {

	/** The Keel workloads, each named after its module. */
	static final List<String> SERVICES = List.of("discovery", "gateway", "auth-service", "data-service",
			"notification-service", "storage-service");

	static Repository current() {
		Path root = Path.of(System.getProperty("keel.home", "..")).toAbsolutePath().normalize();
		String k8s = System.getProperty("keel.k8s");
		Path manifests = (k8s != null && !k8s.isBlank()) ? Path.of(k8s).toAbsolutePath().normalize()
				: root.resolve("k8s");
		if (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
			throw new IllegalStateException("Not a Keel checkout: " + root + " (set -Dkeel.home)");
		}
		return new Repository(root, manifests);
	}

	Path applicationYml(String service) {
		return this.root.resolve(service).resolve("src/main/resources/application.yml");
	}

	Path serviceJar(String service) {
		return this.root.resolve(service).resolve("target").resolve(service + ".jar");
	}

	Path compose() {
		return this.root.resolve("docker-compose.yml");
	}

	Path dockerfile() {
		return this.root.resolve("docker/Dockerfile");
	}

	Path deployDoc() {
		return this.root.resolve("docs/deploy.md");
	}

}
