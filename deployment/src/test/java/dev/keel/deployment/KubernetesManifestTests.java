package dev.keel.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes overlays render, and what they render would run: every check of
 * {@link ManifestChecks} on dev, prod, and prod with the KEDA component.
 */
class KubernetesManifestTests {

	static final java.util.List<String> OVERLAYS = Overlays.ALL;

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

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void everyObjectMatchesTheKubernetesApiSchema(String overlay) {
		assertThat(SchemaCheck.problems(Overlays.render(repository, overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void probesAskTheActuatorGroupsOnTheManagementPort(String overlay) {
		assertThat(ManifestChecks.probes(Overlays.render(repository, overlay), settings)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void everyVariableSetIsOneTheServiceReads(String overlay) {
		assertThat(ManifestChecks.environment(Overlays.render(repository, overlay), settings)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void configMapsAndSecretsExistOrAreDocumented(String overlay) throws IOException {
		assertThat(ManifestChecks.references(Overlays.render(repository, overlay), documentedSecrets())).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void servicesSelectThePodsTheyServe(String overlay) {
		assertThat(ManifestChecks.selectors(Overlays.render(repository, overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void autoscalersAndDisruptionBudgetsTargetExistingWorkloads(String overlay) {
		assertThat(ManifestChecks.autoscaling(Overlays.render(repository, overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void everyContainerHasResourcesAndRunsUnprivileged(String overlay) {
		assertThat(ManifestChecks.hardening(Overlays.render(repository, overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void onlyTheGatewayIsReachableFromOutside(String overlay) {
		assertThat(ManifestChecks.exposure(Overlays.render(repository, overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void eachDatabaseAdmitsOnlyItsService(String overlay) {
		assertThat(ManifestChecks.databases(Overlays.render(repository, overlay))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("OVERLAYS")
	void eurekaPeersReplicateAndServicesRegisterWithAllOfThem(String overlay) {
		assertThat(ManifestChecks.discovery(Overlays.render(repository, overlay))).isEmpty();
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
	void productionCommitsNoSecrets() throws IOException {
		assertThat(Overlays.render(repository, "prod").ofKind("Secret")).isEmpty();
		assertThat(Files.readString(repository.k8s().resolve("overlays/dev/kustomization.yaml")))
			.as("the dev overlay's generated Secrets are marked as local-development values")
			.contains("LOCAL DEVELOPMENT ONLY");
	}

	/**
	 * Secret names docs/deploy.md tells you to create (or an operator creates), written
	 * `keel-...`.
	 */
	private static Set<String> documentedSecrets() throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("`(keel-[a-z0-9-]+)`").matcher(Files.readString(repository.deployDoc()));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
