package dev.keel.deployment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks catch the mistakes they exist for: each test breaks one thing in a fresh
 * rendering of the dev overlay, as an edit to a copy of k8s/ would, and expects a problem
 * that names it.
 */
class ManifestChecksTests {

	private static final Repository repository = Repository.current();

	private static final Map<String, ServiceSettings> settings = Repository.SERVICES.stream()
		.collect(Collectors.toMap(Function.identity(), (service) -> ServiceSettings.read(repository, service)));

	@Test
	void aReadinessProbeOnAPathTheServiceDoesNotServeIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Map<String, Object> probe = Yamls.mapAt(container(dev, "Deployment", "data-service"), "readinessProbe",
				"httpGet");
		probe.put("path", "/actuator/health/ready");
		assertThat(ManifestChecks.probes(dev, settings))
			.containsExactly("Deployment/data-service: readinessProbe asks /actuator/health/ready,"
					+ " but the service answers on /actuator/health/readiness");
	}

	@Test
	void aProbeOnTheApplicationPortIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Yamls.mapAt(container(dev, "Deployment", "gateway"), "livenessProbe", "httpGet").put("port", "http");
		assertThat(ManifestChecks.probes(dev, settings)).singleElement()
			.asString()
			.contains("Deployment/gateway: livenessProbe asks port http (8080)", "management port is 9080");
	}

	@Test
	void aManagementPortMovedByVariableMovesTheExpectedProbePort() {
		Rendering dev = Overlays.render(repository, "dev");
		List<Object> env = Yamls.listAt(container(dev, "Deployment", "auth-service"), "env");
		env.add(new java.util.HashMap<>(Map.of("name", "KEEL_MANAGEMENT_PORT", "value", "9999")));
		container(dev, "Deployment", "auth-service").put("env", env);
		assertThat(ManifestChecks.probes(dev, settings)).hasSize(3)
			.allSatisfy((problem) -> assertThat(problem).contains("management port is 9999"));
	}

	@Test
	void aServiceSelectorThatMatchesNoPodsIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Resource service = dev.find("Service", "notification-service").orElseThrow();
		Yamls.mapAt(service.body(), "spec", "selector").put("app.kubernetes.io/name", "notifications");
		assertThat(ManifestChecks.selectors(dev)).containsExactly(
				"Service/notification-service: selector {app.kubernetes.io/name=notifications} matches the pods of no workload");
	}

	@Test
	void aServiceTargetingAnUndeclaredPortIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Resource service = dev.find("Service", "data-service").orElseThrow();
		Yamls.map(Yamls.listAt(service.body(), "spec", "ports").get(0)).put("targetPort", "web");
		assertThat(ManifestChecks.selectors(dev)).singleElement().asString().contains("targets web");
	}

	@Test
	void aVariableTheServiceDoesNotReadIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Map<String, Object> container = container(dev, "Deployment", "data-service");
		List<Object> env = Yamls.listAt(container, "env");
		env.add(new java.util.HashMap<>(Map.of("name", "KEEL_MONGO_URI", "value", "mongodb://elsewhere")));
		container.put("env", env);
		assertThat(ManifestChecks.environment(dev, settings)).containsExactly(
				"Deployment/data-service sets KEEL_MONGO_URI, which data-service does not read (not in its application.yml)");
	}

	@Test
	void anUndocumentedSecretIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Map<String, Object> variable = Yamls.map(Yamls.listAt(container(dev, "Deployment", "gateway"), "env").get(0));
		Yamls.mapAt(variable, "valueFrom", "secretKeyRef").put("name", "redis-credentials");
		assertThat(ManifestChecks.references(dev, java.util.Set.of("keel-smtp"))).singleElement()
			.asString()
			.contains("Secret redis-credentials");
	}

	@Test
	void aServiceWithoutTheDiscoveryPasswordIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Map<String, Object> container = container(dev, "Deployment", "data-service");
		List<Object> env = Yamls.listAt(container, "env");
		env.removeIf((variable) -> "KEEL_DISCOVERY_PASSWORD".equals(Yamls.stringAt(variable, "name")));
		container.put("env", env);
		assertThat(ManifestChecks.discoveryCredentials(dev)).containsExactly(
				"Deployment/data-service: KEEL_DISCOVERY_PASSWORD does not come from Secret keel-discovery");
	}

	@Test
	void keysFetchedThroughDiscoveryAreCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Map<String, Object> container = container(dev, "Deployment", "gateway");
		List<Object> env = Yamls.listAt(container, "env");
		env.add(Map.of("name", "KEEL_JWK_SET_URI", "value", "http://AUTH-SERVICE/api/auth/.well-known/jwks.json"));
		container.put("env", env);
		assertThat(ManifestChecks.discoveryCredentials(dev)).singleElement()
			.asString()
			.contains("Deployment/gateway: KEEL_JWK_SET_URI");
	}

	@Test
	void aContainerOutsideTheProductionProfileIsCaught() {
		assertThat(ManifestChecks.production(Overlays.render(repository, "dev")))
			.contains("Deployment/gateway: KEEL_PROFILE is null, not production");
	}

	@Test
	void anAutoscalerOfAMissingWorkloadIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Resource hpa = dev.find("HorizontalPodAutoscaler", "auth-service").orElseThrow();
		Yamls.mapAt(hpa.body(), "spec", "scaleTargetRef").put("name", "auth");
		assertThat(ManifestChecks.autoscaling(dev))
			.containsExactly("HorizontalPodAutoscaler/auth-service scales Deployment/auth, which is not rendered");
	}

	@Test
	void aDisruptionBudgetForNoPodsIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Resource budget = dev.find("PodDisruptionBudget", "discovery").orElseThrow();
		Yamls.mapAt(budget.body(), "spec", "selector", "matchLabels").put("app.kubernetes.io/name", "eureka");
		assertThat(ManifestChecks.autoscaling(dev)).singleElement()
			.asString()
			.contains("PodDisruptionBudget/discovery");
	}

	@Test
	void aContainerWithoutLimitsOrAsRootIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Map<String, Object> container = container(dev, "Deployment", "gateway");
		Yamls.mapAt(container, "resources").remove("limits");
		Yamls.mapAt(container, "securityContext").put("runAsNonRoot", false);
		assertThat(ManifestChecks.hardening(dev)).containsExactlyInAnyOrder(
				"Deployment/gateway container gateway: no cpu limits",
				"Deployment/gateway container gateway: no memory limits",
				"Deployment/gateway container gateway: runAsNonRoot is not true");
	}

	@Test
	void aServiceExposedOutsideTheClusterIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Yamls.mapAt(dev.find("Service", "data-service").orElseThrow().body(), "spec").put("type", "LoadBalancer");
		assertThat(ManifestChecks.exposure(dev)).singleElement().asString().contains("LoadBalancer");
	}

	@Test
	void aDatabaseOpenToAnotherServiceIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Resource policy = dev.find("NetworkPolicy", "mongodb-auth").orElseThrow();
		Object peer = Yamls.listAt(Yamls.listAt(policy.body(), "spec", "ingress").get(0), "from").get(0);
		Yamls.mapAt(peer, "podSelector", "matchLabels").put("app.kubernetes.io/name", "data-service");
		assertThat(ManifestChecks.databases(dev)).anySatisfy(
				(problem) -> assertThat(problem).contains("NetworkPolicy/mongodb-auth admits", "only auth-service"));
	}

	@Test
	void aEurekaPeerMissingFromTheListIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Yamls.mapAt(dev.find("StatefulSet", "discovery").orElseThrow().body(), "spec").put("replicas", 3);
		assertThat(ManifestChecks.discovery(dev)).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem).contains("discovery-2"));
	}

	@Test
	void aMisspeltFieldOrAValueOfTheWrongTypeIsCaught() {
		Rendering dev = Overlays.render(repository, "dev");
		Map<String, Object> container = container(dev, "Deployment", "data-service");
		container.put("readinesProbe", container.remove("readinessProbe"));
		Yamls.mapAt(dev.find("StatefulSet", "discovery").orElseThrow().body(), "spec").put("replicas", "two");
		assertThat(SchemaCheck.problems(dev)).hasSize(2)
			.anySatisfy(
					(problem) -> assertThat(problem).startsWith("Deployment/data-service").contains("readinesProbe"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("StatefulSet/discovery"));
	}

	private static Map<String, Object> container(Rendering rendering, String kind, String name) {
		return ManifestChecks.serviceContainer(rendering.find(kind, name).orElseThrow(), name);
	}

}
