package dev.keel.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * Renders the overlays with {@code kubectl kustomize} (or {@code kustomize build}), once
 * per test run. Without either tool the tests that need a rendering are skipped, and say
 * so.
 */
final class Overlays {

	/**
	 * dev, prod, and prod with each optional component: KEDA, storage-service on S3.
	 */
	static final List<String> ALL = List.of("dev", "prod", "prod+keda", "prod+storage-s3");

	/** The optional components, by the name of the rendering that adds them to prod. */
	private static final Map<String, String> COMPONENTS = Map.of("prod+keda", "keda-notification", "prod+storage-s3",
			"storage-s3");

	private static final Optional<Tool> KUSTOMIZE = Tool
		.find(List.of(List.of("kubectl", "kustomize"), List.of("kustomize", "build")));

	private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

	private static volatile boolean warned;

	private Overlays() {
	}

	/** The overlay's objects, parsed afresh (callers may change them). */
	static Rendering render(Repository repository, String overlay) {
		assumeKustomize();
		String yaml = RENDERED.computeIfAbsent(overlay,
				(name) -> KUSTOMIZE.get()
					.run(repository.root(), directory(repository, name).toString())
					.successfulOutput());
		return Rendering.parse(overlay, yaml);
	}

	static void assumeKustomize() {
		if (KUSTOMIZE.isEmpty() && !warned) {
			warned = true;
			System.err.println("[deployment] SKIPPED: neither kubectl nor kustomize is on the PATH, so the"
					+ " Kubernetes overlays are not rendered or checked. Install kubectl to run these tests.");
		}
		Assumptions.assumeTrue(KUSTOMIZE.isPresent(),
				"kubectl (or kustomize) is not installed: the Kubernetes manifests are not checked");
	}

	private static Path directory(Repository repository, String overlay) {
		String component = COMPONENTS.get(overlay);
		if (component == null) {
			return repository.k8s().resolve("overlays").resolve(overlay);
		}
		// The optional component on top of prod, as a user would add it to their overlay.
		try {
			Path directory = repository.root().resolve("deployment/target/overlays/" + overlay.replace('+', '-'));
			Files.createDirectories(directory);
			Path k8s = directory.relativize(repository.k8s());
			Files.writeString(directory.resolve("kustomization.yaml"), """
					apiVersion: kustomize.config.k8s.io/v1beta1
					kind: Kustomization
					resources:
					  - %s/overlays/prod
					components:
					  - %s/components/%s
					""".formatted(k8s, k8s, component));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
