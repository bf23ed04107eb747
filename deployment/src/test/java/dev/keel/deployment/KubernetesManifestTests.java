package dev.keel.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes overlays render, and what they render would run: every check of
 * {@link ManifestChecks} on dev, prod, and prod with the KEDA component.
 */
class KubernetesManifestTests {

	static final List<String> OVERLAYS = Overlays.ALL;

	private static final Repository repository = Repository.current();

	private static final Map<String, ServiceSettings> settings = Repository.SERVICES.stream()
		.collect(Collectors.toMap(Function.identity(), (service) -> ServiceSettings.read(repository, service)));

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void everyOverlayRendersEveryKeelWorkload(String overlay) {
		Rendering rendering = Overlays.render(repository, overlay);
		assertThat(rendering.keelWorkloads().map(Resource::name))
			.containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
		assertThat(rendering.ofKind("Ingress").map(Resource::name)).containsExactly("gateway");
	}

	/**
	 * Every check of {@link ManifestChecks}, and the schema, by what it makes sure of.
	 */
	static Stream<Arguments> checks() {
		Map<String, Function<Rendering, List<String>>> checks = new LinkedHashMap<>();
		checks.put("every object matches the Kubernetes API schema", SchemaCheck::problems);
		checks.put("probes ask the actuator groups on the management port",
				(rendering) -> ManifestChecks.probes(rendering, settings));
		checks.put("every variable set is one the service reads",
				(rendering) -> ManifestChecks.environment(rendering, settings));
		checks.put("ConfigMaps and Secrets exist or are documented",
				(rendering) -> ManifestChecks.references(rendering, documentedSecrets()));
		checks.put("Services select the pods they serve", ManifestChecks::selectors);
		checks.put("autoscalers and disruption budgets target existing workloads", ManifestChecks::autoscaling);
		checks.put("every container has resources and runs unprivileged", ManifestChecks::hardening);
		checks.put("only the gateway is reachable from outside", ManifestChecks::exposure);
		checks.put("each database admits only its service", ManifestChecks::databases);
		checks.put("Eureka peers replicate and services register with all of them", ManifestChecks::discovery);
		checks.put("discovery's password comes from a Secret and keys from auth-service's Service",
				ManifestChecks::discoveryCredentials);
		return OVERLAYS.stream()
			.flatMap((overlay) -> checks.entrySet()
				.stream()
				.map((check) -> Arguments.of(overlay, check.getKey(), check.getValue())));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("checks")
	void overlayPasses(String overlay, String check, Function<Rendering, List<String>> problems) {
		assertThat(problems.apply(Overlays.render(repository, overlay))).as(check).isEmpty();
	}

	@Test
	void gatewayAuthAndDataScaleOnCpu() {
		Rendering prod = Overlays.render(repository, "prod");
		for (String service : new String[] { "gateway", "auth-service", "data-service", "notification-service" }) {
			assertThat(prod.find("HorizontalPodAutoscaler", service)).as(service)
				.hasValueSatisfying((hpa) -> assertThat(Yamls.listAt(hpa.body(), "spec", "metrics"))
					.anySatisfy((metric) -> assertThat(Yamls.stringAt(metric, "resource", "name")).isEqualTo("cpu")));
			assertThat(Yamls.at(prod.find("HorizontalPodAutoscaler", service).get().body(), "spec", "minReplicas"))
				.as("%s keeps two pods, so one can be lost or moved", service)
				.isEqualTo(2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "dev", "prod" })
	void storageServiceKeepsItsFilesOnOneReadWriteOnceVolumeWithOnePod(String overlay) {
		Rendering rendering = Overlays.render(repository, overlay);
		Resource claim = rendering.find("PersistentVolumeClaim", "storage-service-data").orElseThrow();
		assertThat(Yamls.listAt(claim.body(), "spec", "accessModes")).containsExactly("ReadWriteOnce");
		Resource deployment = rendering.find("Deployment", "storage-service").orElseThrow();
		assertThat(Yamls.stringAt(deployment.body(), "spec", "strategy", "type"))
			.as("the old pod lets go of the volume before the new one mounts it")
			.isEqualTo("Recreate");
		assertThat(Yamls.listAt(deployment.body(), "spec", "template", "spec", "volumes"))
			.anySatisfy((volume) -> assertThat(Yamls.stringAt(volume, "persistentVolumeClaim", "claimName"))
				.isEqualTo("storage-service-data"));
		Map<String, Object> container = Yamls
			.map(Yamls.listAt(deployment.body(), "spec", "template", "spec", "containers").get(0));
		String directory = rendering.configMapData(configMap(rendering, "keel-storage-service"))
			.get("KEEL_STORAGE_DIR")
			.toString();
		assertThat(Yamls.listAt(container, "volumeMounts"))
			.anySatisfy((mount) -> assertThat(Yamls.stringAt(mount, "mountPath")).isEqualTo(directory));
		Resource hpa = rendering.find("HorizontalPodAutoscaler", "storage-service").orElseThrow();
		assertThat(Yamls.at(hpa.body(), "spec", "maxReplicas")).isEqualTo(1);
	}

	@Test
	void storageServiceOnS3ScalesLikeTheOtherServicesWithoutAVolume() {
		Rendering rendering = Overlays.render(repository, "prod+storage-s3");
		assertThat(rendering.find("PersistentVolumeClaim", "storage-service-data")).isEmpty();
		Resource deployment = rendering.find("Deployment", "storage-service").orElseThrow();
		assertThat(Yamls.stringAt(deployment.body(), "spec", "strategy", "type")).isNotEqualTo("Recreate");
		assertThat(Yamls.listAt(deployment.body(), "spec", "template", "spec", "volumes"))
			.noneSatisfy((volume) -> assertThat(Yamls.at(volume, "persistentVolumeClaim")).isNotNull());
		assertThat(rendering.configMapData(configMap(rendering, "keel-storage-service")))
			.containsEntry("KEEL_STORAGE_BACKEND", "s3");
		Resource hpa = rendering.find("HorizontalPodAutoscaler", "storage-service").orElseThrow();
		assertThat(Yamls.at(hpa.body(), "spec", "minReplicas")).isEqualTo(2);
		assertThat(Yamls.at(hpa.body(), "spec", "maxReplicas")).isEqualTo(10);
	}

	@Test
	void storageServiceIsReachedByTheGatewayAloneAndReachesOnlyWhatItNeeds() {
		Rendering rendering = Overlays.render(repository, "prod");
		Resource ingress = rendering.find("NetworkPolicy", "storage-service").orElseThrow();
		assertThat(Yamls.listAt(ingress.body(), "spec", "ingress")).singleElement()
			.satisfies((rule) -> assertThat(Yamls.listAt(rule, "from")).singleElement()
				.satisfies((peer) -> assertThat(Yamls.mapAt(peer, "podSelector", "matchLabels"))
					.isEqualTo(Map.of("app.kubernetes.io/name", "gateway"))));
		List<String> egress = rendering.ofKind("NetworkPolicy")
			.filter((policy) -> Yamls.listAt(policy.body(), "spec", "policyTypes").contains("Egress"))
			.filter((policy) -> Map.of("app.kubernetes.io/name", "storage-service")
				.equals(Yamls.mapAt(policy.body(), "spec", "podSelector", "matchLabels")))
			.map(Resource::name)
			.toList();
		assertThat(egress).containsExactlyInAnyOrder("storage-service-egress", "storage-service-database",
				"storage-service-kafka");
	}

	@Test
	void kedaScalesNotificationServiceOnItsConsumerGroupsInsteadOfTheHpa() {
		Rendering keda = Overlays.render(repository, "prod+keda");
		assertThat(keda.find("HorizontalPodAutoscaler", "notification-service")).isEmpty();
		Resource scaledObject = keda.find("ScaledObject", "notification-service").orElseThrow();
		String group = "notification-service"; // KEEL_KAFKA_GROUP_ID's default
		assertThat(Yamls.listAt(scaledObject.body(), "spec", "triggers")
			.stream()
			.map((trigger) -> Yamls.stringAt(trigger, "metadata", "consumerGroup"))
			.filter(java.util.Objects::nonNull))
			.containsExactlyInAnyOrder(group, group + ".subscriptions", group + ".webhooks");
		String bootstrap = keda
			.configMapData(keda.ofKind("ConfigMap")
				.map(Resource::name)
				.filter((name) -> name.startsWith("keel-kafka"))
				.findFirst()
				.orElseThrow())
			.get("KEEL_KAFKA_BOOTSTRAP_SERVERS")
			.toString();
		assertThat(Yamls.listAt(scaledObject.body(), "spec", "triggers")
			.stream()
			.map((trigger) -> Yamls.stringAt(trigger, "metadata", "bootstrapServers"))
			.filter(java.util.Objects::nonNull)).allMatch(bootstrap::equals);
	}

	@Test
	void productionRunsEveryKeelContainerWithTheProductionProfile() {
		assertThat(ManifestChecks.production(Overlays.render(repository, "prod"))).isEmpty();
	}

	@Test
	void productionCommitsNoSecrets() {
		assertThat(Overlays.render(repository, "prod").ofKind("Secret")).isEmpty();
		assertThat(read(repository.k8s().resolve("overlays/dev/kustomization.yaml")))
			.as("the dev overlay's generated Secrets are marked as local-development values")
			.contains("LOCAL DEVELOPMENT ONLY");
	}

	/**
	 * Secret names docs/deploy.md tells you to create (or an operator creates), written
	 * `keel-...`.
	 */
	private static String configMap(Rendering rendering, String prefix) {
		return rendering.ofKind("ConfigMap")
			.map(Resource::name)
			.filter((name) -> name.startsWith(prefix + "-"))
			.findFirst()
			.orElseThrow();
	}

	private static Set<String> documentedSecrets() {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("`(keel-[a-z0-9-]+)`").matcher(read(repository.deployDoc()));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
