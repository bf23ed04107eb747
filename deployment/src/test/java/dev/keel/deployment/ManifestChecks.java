package dev.keel.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What breaks a deployment, checked over rendered manifests. Each check returns the
 * problems it found, worded for the person who has to fix them; an empty list means none.
 */
final class ManifestChecks {

	/** Variables the JVM itself reads; a manifest may set them on any Keel container. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	/**
	 * The platform's one switch ({@code local} or {@code production}): set on every Keel
	 * container alike, read by those that have development defaults to refuse.
	 */
	static final String PROFILE = "KEEL_PROFILE";

	private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)");

	/**
	 * Operator-made database pods ({@code app: keel-mongodb-auth-svc}) and the plain
	 * ones.
	 */
	private static final Pattern DATABASE = Pattern.compile("^(?:keel-)?mongodb-([a-z]+)(?:-svc)?$");

	private ManifestChecks() {
	}

	/** Probes on the actuator's groups, on the port the service really serves them on. */
	static List<String> probes(Rendering rendering, Map<String, ServiceSettings> settings) {
		List<String> problems = new ArrayList<>();
		rendering.keelWorkloads().forEach((workload) -> {
			ServiceSettings service = settings.get(workload.label("app.kubernetes.io/name"));
			Map<String, Object> container = serviceContainer(workload, service.service());
			if (container == null) {
				problems.add(workload + ": no container named " + service.service());
				return;
			}
			if (!service.probesEnabled()) {
				problems.add(service.service() + "'s application.yml does not enable the health probe groups"
						+ " (management.endpoint.health.probes.enabled)");
			}
			Map<String, String> environment = variables(rendering, container);
			int management = service.managementPort().resolve(environment);
			int http = service.port().resolve(environment);
			checkProbe(problems, workload, container, "livenessProbe", service.livenessPath(), management, true);
			checkProbe(problems, workload, container, "readinessProbe", service.readinessPath(), management, true);
			checkProbe(problems, workload, container, "startupProbe", service.livenessPath(), management, false);
			Integer declared = containerPort(container, "http");
			if (declared == null || declared != http) {
				problems.add(workload + ": container port 'http' is " + declared + ", but " + service.service()
						+ " listens on " + http);
			}
		});
		return problems;
	}

	private static void checkProbe(List<String> problems, Resource workload, Map<String, Object> container,
			String probe, String expectedPath, int managementPort, boolean required) {
		Map<String, Object> httpGet = Yamls.mapAt(container, probe, "httpGet");
		if (httpGet.isEmpty()) {
			if (required) {
				problems.add(workload + ": no HTTP " + probe);
			}
			return;
		}
		String path = Yamls.stringAt(httpGet, "path");
		if (!expectedPath.equals(path)) {
			problems.add(workload + ": " + probe + " asks " + path + ", but the service answers on " + expectedPath);
		}
		Object declared = httpGet.get("port");
		Integer port = (declared instanceof Integer number) ? number : resolvePort(container, declared);
		if (port == null || port != managementPort) {
			problems.add(workload + ": " + probe + " asks port " + declared + " (" + port
					+ "), but the service's management port is " + managementPort);
		}
	}

	/** Every variable set on a Keel container is one its service reads. */
	static List<String> environment(Rendering rendering, Map<String, ServiceSettings> settings) {
		List<String> problems = new ArrayList<>();
		rendering.keelWorkloads().forEach((workload) -> {
			ServiceSettings service = settings.get(workload.label("app.kubernetes.io/name"));
			Map<String, Object> container = serviceContainer(workload, service.service());
			if (container == null) {
				return;
			}
			Map<String, String> environment = variables(rendering, container);
			Set<String> referenced = new LinkedHashSet<>();
			environment.values().stream().filter(Objects::nonNull).forEach((value) -> {
				Matcher matcher = REFERENCE.matcher(value);
				while (matcher.find()) {
					referenced.add(matcher.group(1));
				}
			});
			for (String variable : environment.keySet()) {
				if (!service.variables().contains(variable) && !JVM_VARIABLES.contains(variable)
						&& !PROFILE.equals(variable) && !referenced.contains(variable)) {
					problems.add(workload + " sets " + variable + ", which " + service.service()
							+ " does not read (not in its application.yml)");
				}
			}
		});
		return problems;
	}

	/**
	 * ConfigMaps and Secrets referenced by workloads exist, or are Secrets the docs tell
	 * you to create.
	 */
	static List<String> references(Rendering rendering, Set<String> documentedSecrets) {
		List<String> problems = new ArrayList<>();
		rendering.workloads().forEach((workload) -> {
			for (Map<String, Object> container : workload.containers()) {
				for (Object source : Yamls.listAt(container, "envFrom")) {
					String configMap = Yamls.stringAt(source, "configMapRef", "name");
					if (configMap != null && rendering.configMapData(configMap) == null) {
						problems.add(workload + ": envFrom names ConfigMap " + configMap + ", which is not rendered");
					}
				}
				for (Object variable : Yamls.listAt(container, "env")) {
					Map<String, Object> secret = Yamls.mapAt(variable, "valueFrom", "secretKeyRef");
					String name = Yamls.stringAt(secret, "name");
					if (name != null && rendering.find("Secret", name).isEmpty() && !documentedSecrets.contains(name)) {
						problems.add(workload + ": " + Yamls.stringAt(variable, "name") + " comes from Secret " + name
								+ ", which is neither rendered nor documented in docs/deploy.md");
					}
					Map<String, Object> configMapKey = Yamls.mapAt(variable, "valueFrom", "configMapKeyRef");
					String configMap = Yamls.stringAt(configMapKey, "name");
					if (configMap != null && rendering.configMapData(configMap) == null) {
						problems.add(workload + ": " + Yamls.stringAt(variable, "name") + " comes from ConfigMap "
								+ configMap + ", which is not rendered");
					}
				}
			}
		});
		return problems;
	}

	/**
	 * Services and workloads find each other: selectors, target ports, StatefulSets'
	 * serviceName.
	 */
	static List<String> selectors(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		rendering.ofKind("Service").forEach((service) -> {
			Map<String, Object> selector = Yamls.mapAt(service.body(), "spec", "selector");
			if (selector.isEmpty()) {
				return;
			}
			List<Resource> backends = rendering.workloads()
				.filter((workload) -> Yamls.selects(selector, workload.podLabels()))
				.toList();
			if (backends.isEmpty()) {
				problems.add(service + ": selector " + selector + " matches the pods of no workload");
				return;
			}
			for (Object port : Yamls.listAt(service.body(), "spec", "ports")) {
				Object target = Yamls.at(port, "targetPort");
				Object wanted = (target != null) ? target : Yamls.at(port, "port");
				boolean served = backends.stream()
					.flatMap((workload) -> workload.containers().stream())
					.anyMatch((container) -> resolvePort(container, wanted) != null);
				if (!served) {
					problems.add(service + ": port " + Yamls.stringAt(port, "name") + " targets " + wanted
							+ ", which no container of " + backends + " declares");
				}
			}
		});
		rendering.workloads().forEach((workload) -> {
			Map<String, Object> selector = Yamls.mapAt(workload.body(), "spec", "selector");
			if (!Yamls.selects(selector, workload.podLabels())) {
				problems.add(workload + ": its selector does not match its own pod labels");
			}
			String serviceName = Yamls.stringAt(workload.body(), "spec", "serviceName");
			if (serviceName != null && rendering.find("Service", serviceName).isEmpty()) {
				problems.add(workload + ": serviceName " + serviceName + " is not a rendered Service");
			}
		});
		return problems;
	}

	/**
	 * Autoscalers and disruption budgets point at workloads that exist, one autoscaler
	 * each.
	 */
	static List<String> autoscaling(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		Map<String, List<String>> scalers = new HashMap<>();
		rendering.ofKind("HorizontalPodAutoscaler").forEach((hpa) -> {
			String kind = Yamls.stringAt(hpa.body(), "spec", "scaleTargetRef", "kind");
			String name = Yamls.stringAt(hpa.body(), "spec", "scaleTargetRef", "name");
			if (rendering.find(kind, name).isEmpty()) {
				problems.add(hpa + " scales " + kind + "/" + name + ", which is not rendered");
			}
			Object min = Yamls.at(hpa.body(), "spec", "minReplicas");
			Object max = Yamls.at(hpa.body(), "spec", "maxReplicas");
			if (!(min instanceof Integer low) || !(max instanceof Integer high) || low < 1 || low > high) {
				problems.add(hpa + ": replicas from " + min + " to " + max);
			}
			scalers.computeIfAbsent(kind + "/" + name, (key) -> new ArrayList<>()).add(hpa.toString());
		});
		rendering.ofKind("ScaledObject").forEach((scaledObject) -> {
			String kind = Objects.requireNonNullElse(
					Yamls.stringAt(scaledObject.body(), "spec", "scaleTargetRef", "kind"), "Deployment");
			String name = Yamls.stringAt(scaledObject.body(), "spec", "scaleTargetRef", "name");
			if (rendering.find(kind, name).isEmpty()) {
				problems.add(scaledObject + " scales " + kind + "/" + name + ", which is not rendered");
			}
			scalers.computeIfAbsent(kind + "/" + name, (key) -> new ArrayList<>()).add(scaledObject.toString());
		});
		scalers.forEach((target, owners) -> {
			if (owners.size() > 1) {
				problems.add(target + " has more than one autoscaler, which would fight: " + owners);
			}
			else if (rendering.resources()
				.stream()
				.anyMatch((r) -> target.equals(r.toString()) && Yamls.at(r.body(), "spec", "replicas") != null)) {
				problems.add(target + " sets replicas although " + owners.get(0)
						+ " owns the count: every apply would reset it");
			}
		});
		rendering.ofKind("PodDisruptionBudget").forEach((budget) -> {
			Map<String, Object> selector = Yamls.mapAt(budget.body(), "spec", "selector");
			if (rendering.workloads().noneMatch((workload) -> Yamls.selects(selector, workload.podLabels()))) {
				problems.add(budget + ": selector " + selector + " matches the pods of no workload");
			}
		});
		return problems;
	}

	/**
	 * Resources, a non-root user and no privileges for every container; read-only roots
	 * for Keel's.
	 */
	static List<String> hardening(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		rendering.workloads().forEach((workload) -> {
			Map<String, Object> pod = Yamls.mapAt(workload.podSpec(), "securityContext");
			for (Map<String, Object> container : workload.containers()) {
				String where = workload + " container " + container.get("name");
				for (String kind : List.of("requests", "limits")) {
					for (String resource : List.of("cpu", "memory")) {
						if (Yamls.at(container, "resources", kind, resource) == null) {
							problems.add(where + ": no " + resource + " " + kind);
						}
					}
				}
				Map<String, Object> own = Yamls.mapAt(container, "securityContext");
				if (!Boolean.TRUE.equals(setting(own, pod, "runAsNonRoot"))) {
					problems.add(where + ": runAsNonRoot is not true");
				}
				if (Integer.valueOf(0).equals(setting(own, pod, "runAsUser"))) {
					problems.add(where + ": runs as root (runAsUser 0)");
				}
				if (!Boolean.FALSE.equals(own.get("allowPrivilegeEscalation"))) {
					problems.add(where + ": allowPrivilegeEscalation is not false");
				}
				if (!Yamls.listAt(own, "capabilities", "drop").contains("ALL")) {
					problems.add(where + ": capabilities do not drop ALL");
				}
				Object seccomp = setting(own, pod, "seccompProfile");
				if (seccomp == null) {
					problems.add(where + ": no seccompProfile");
				}
				if (workload.isKeel() && !Boolean.TRUE.equals(own.get("readOnlyRootFilesystem"))) {
					problems.add(where + ": the root file system is writable");
				}
			}
			if (workload.isKeel() && !Boolean.FALSE.equals(workload.podSpec().get("automountServiceAccountToken"))) {
				problems.add(workload + ": mounts a service account token it never uses");
			}
		});
		return problems;
	}

	private static Object setting(Map<String, Object> container, Map<String, Object> pod, String key) {
		return container.containsKey(key) ? container.get(key) : pod.get(key);
	}

	/**
	 * Only the gateway is reachable from outside: no node ports or load balancers,
	 * Ingresses lead to the gateway, everything else is denied unless a policy allows it,
	 * and only the gateway (and management ports, for monitoring) admit traffic from
	 * other namespaces.
	 */
	static List<String> exposure(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		rendering.ofKind("Service").forEach((service) -> {
			String type = Yamls.stringAt(service.body(), "spec", "type");
			if ("LoadBalancer".equals(type) || "NodePort".equals(type)) {
				problems.add(service + " is of type " + type + ": only the gateway's Ingress may face outside");
			}
		});
		rendering.ofKind("Ingress").forEach((ingress) -> {
			for (Object rule : Yamls.listAt(ingress.body(), "spec", "rules")) {
				for (Object path : Yamls.listAt(rule, "http", "paths")) {
					String backend = Yamls.stringAt(path, "backend", "service", "name");
					if (!"gateway".equals(backend)) {
						problems.add(ingress + " leads to " + backend + ", not to the gateway");
					}
				}
			}
		});
		boolean defaultDeny = rendering.ofKind("NetworkPolicy")
			.anyMatch((policy) -> Yamls.mapAt(policy.body(), "spec", "podSelector").isEmpty()
					&& Yamls.listAt(policy.body(), "spec", "policyTypes").contains("Ingress")
					&& Yamls.listAt(policy.body(), "spec", "ingress").isEmpty());
		if (!defaultDeny) {
			problems.add("No NetworkPolicy denies incoming traffic by default");
		}
		rendering.ofKind("NetworkPolicy").forEach((policy) -> {
			Map<String, Object> selector = Yamls.mapAt(policy.body(), "spec", "podSelector");
			Set<String> selected = rendering.keelWorkloads()
				.filter((workload) -> Yamls.selects(selector, workload.podLabels()))
				.map((workload) -> workload.label("app.kubernetes.io/name"))
				.collect(Collectors.toCollection(LinkedHashSet::new));
			selected.remove("gateway");
			if (selected.isEmpty()) {
				return;
			}
			for (Object rule : Yamls.listAt(policy.body(), "spec", "ingress")) {
				List<Object> ports = Yamls.listAt(rule, "ports");
				boolean managementOnly = !ports.isEmpty()
						&& ports.stream().allMatch((port) -> "management".equals(Yamls.stringAt(port, "port")));
				List<Object> from = Yamls.listAt(rule, "from");
				boolean outside = from.isEmpty() || from.stream()
					.anyMatch(
							(peer) -> Yamls.at(peer, "namespaceSelector") != null || Yamls.at(peer, "ipBlock") != null);
				if (outside && !managementOnly) {
					problems.add(policy + " admits traffic from outside the namespace to " + selected);
				}
			}
		});
		return problems;
	}

	/**
	 * Each service's database admits that service (and its own replica members), nobody
	 * else.
	 */
	static List<String> databases(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		Set<String> owners = new LinkedHashSet<>();
		rendering.ofKind("NetworkPolicy").forEach((policy) -> {
			Map<String, Object> selector = Yamls.mapAt(policy.body(), "spec", "podSelector", "matchLabels");
			String selected = Objects.requireNonNullElse(Yamls.stringAt(selector, "app.kubernetes.io/name"),
					Objects.requireNonNullElse(Yamls.stringAt(selector, "app"), ""));
			Matcher database = DATABASE.matcher(selected);
			if (!database.matches()) {
				return;
			}
			String owner = database.group(1) + "-service";
			for (Object rule : Yamls.listAt(policy.body(), "spec", "ingress")) {
				List<Object> from = Yamls.listAt(rule, "from");
				if (from.isEmpty()) {
					problems.add(policy + " admits everyone to " + selected);
				}
				for (Object peer : from) {
					Map<String, Object> peerLabels = Yamls.mapAt(peer, "podSelector", "matchLabels");
					boolean fromOwner = peerLabels.equals(Map.of("app.kubernetes.io/name", owner));
					boolean fromItself = peerLabels.equals(selector);
					if (Yamls.at(peer, "namespaceSelector") != null || Yamls.at(peer, "ipBlock") != null
							|| Yamls.at(peer, "podSelector", "matchExpressions") != null
							|| !(fromOwner || fromItself)) {
						problems
							.add(policy + " admits " + peer + " to " + selected + ", which only " + owner + " may use");
					}
					if (fromOwner) {
						owners.add(owner);
					}
				}
			}
		});
		for (String service : List.of("auth-service", "data-service", "notification-service", "storage-service")) {
			if (!owners.contains(service)) {
				problems.add("No NetworkPolicy lets " + service + " reach its database (and only it)");
			}
		}
		return problems;
	}

	/**
	 * Eureka peers know each other by their StatefulSet names; every service registers by
	 * IP with all of them.
	 */
	static List<String> discovery(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		Resource discovery = rendering.find("StatefulSet", "discovery").orElse(null);
		if (discovery == null) {
			return List.of("No StatefulSet discovery");
		}
		Object replicas = Yamls.at(discovery.body(), "spec", "replicas");
		int peers = (replicas instanceof Integer count) ? count : 1;
		if (peers < 2) {
			problems.add("discovery runs " + peers + " Eureka server: at least two are needed to survive one failure");
		}
		String serviceName = Yamls.stringAt(discovery.body(), "spec", "serviceName");
		Map<String, String> environment = variables(rendering, serviceContainer(discovery, "discovery"));
		Set<String> expected = new LinkedHashSet<>();
		for (int i = 0; i < peers; i++) {
			expected.add("http://discovery-" + i + "." + serviceName + ":8761/eureka");
		}
		if (!expected.equals(urls(environment.get("KEEL_EUREKA_PEERS")))) {
			problems.add("discovery: KEEL_EUREKA_PEERS is " + environment.get("KEEL_EUREKA_PEERS") + ", expected "
					+ String.join(",", expected));
		}
		if (!("$(POD_NAME)." + serviceName).equals(environment.get("KEEL_EUREKA_HOSTNAME"))) {
			problems.add("discovery: KEEL_EUREKA_HOSTNAME must be $(POD_NAME)." + serviceName
					+ ", the name its peers list it under");
		}
		if (!"true".equals(environment.get("KEEL_EUREKA_REPLICATE"))) {
			problems.add("discovery: KEEL_EUREKA_REPLICATE is not true, so the peers do not replicate");
		}
		rendering.keelWorkloads().filter((workload) -> !workload.name().equals("discovery")).forEach((workload) -> {
			Map<String, String> client = variables(rendering,
					serviceContainer(workload, workload.label("app.kubernetes.io/name")));
			if (!expected.equals(urls(client.get("KEEL_EUREKA_URL")))) {
				problems.add(workload + ": KEEL_EUREKA_URL is " + client.get("KEEL_EUREKA_URL")
						+ ", not every discovery peer (" + String.join(",", expected) + ")");
			}
			if (!"true".equals(client.get("KEEL_EUREKA_PREFER_IP_ADDRESS"))) {
				problems.add(workload + ": does not register by pod IP (KEEL_EUREKA_PREFER_IP_ADDRESS)");
			}
		});
		return problems;
	}

	/**
	 * Discovery and every service get discovery's password from Secret
	 * {@code keel-discovery}, and the services fetch signing keys from auth-service's
	 * Kubernetes Service, not through discovery.
	 */
	static List<String> discoveryCredentials(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		rendering.keelWorkloads().forEach((workload) -> {
			Map<String, Object> container = serviceContainer(workload, workload.label("app.kubernetes.io/name"));
			Object secret = Yamls.listAt(container, "env")
				.stream()
				.filter((variable) -> "KEEL_DISCOVERY_PASSWORD".equals(Yamls.stringAt(variable, "name")))
				.map((variable) -> Yamls.stringAt(variable, "valueFrom", "secretKeyRef", "name"))
				.findFirst()
				.orElse(null);
			if (secret == null
					|| !(secret.equals("keel-discovery") || secret.toString().startsWith("keel-discovery-"))) {
				problems.add(workload + ": KEEL_DISCOVERY_PASSWORD does not come from Secret keel-discovery");
			}
			String name = workload.label("app.kubernetes.io/name");
			if (List.of("gateway", "data-service", "notification-service", "storage-service").contains(name)) {
				String jwks = variables(rendering, container).get("KEEL_JWK_SET_URI");
				if (jwks == null || !jwks.startsWith("http://auth-service:")) {
					problems
						.add(workload + ": KEEL_JWK_SET_URI is " + jwks + ", not auth-service's Kubernetes Service");
				}
			}
		});
		return problems;
	}

	/** Every Keel container runs with {@code KEEL_PROFILE=production}. */
	static List<String> production(Rendering rendering) {
		List<String> problems = new ArrayList<>();
		rendering.keelWorkloads().forEach((workload) -> {
			Map<String, Object> container = serviceContainer(workload, workload.label("app.kubernetes.io/name"));
			String profile = variables(rendering, container).get(PROFILE);
			if (!"production".equals(profile)) {
				problems.add(workload + ": " + PROFILE + " is " + profile + ", not production");
			}
		});
		return problems;
	}

	private static Set<String> urls(String list) {
		Set<String> urls = new LinkedHashSet<>();
		if (list != null) {
			for (String url : list.split(",")) {
				if (!url.isBlank()) {
					urls.add(url.trim());
				}
			}
		}
		return urls;
	}

	/**
	 * The variables a container gets, from {@code env} and from {@code envFrom}
	 * ConfigMaps. Literal values and ConfigMap values are known; values from elsewhere
	 * are null.
	 */
	static Map<String, String> variables(Rendering rendering, Map<String, Object> container) {
		Map<String, String> environment = new LinkedHashMap<>();
		if (container == null) {
			return environment;
		}
		for (Object source : Yamls.listAt(container, "envFrom")) {
			Map<String, Object> data = rendering.configMapData(Yamls.stringAt(source, "configMapRef", "name"));
			if (data != null) {
				data.forEach((key, value) -> environment.put(key, String.valueOf(value)));
			}
		}
		for (Object variable : Yamls.listAt(container, "env")) {
			environment.put(Yamls.stringAt(variable, "name"), Yamls.stringAt(variable, "value"));
		}
		return environment;
	}

	static Map<String, Object> serviceContainer(Resource workload, String name) {
		return workload.containers()
			.stream()
			.filter((container) -> name.equals(container.get("name")))
			.findFirst()
			.orElse(null);
	}

	private static Integer containerPort(Map<String, Object> container, String name) {
		for (Object port : Yamls.listAt(container, "ports")) {
			if (name.equals(Yamls.stringAt(port, "name"))
					&& Yamls.at(port, "containerPort") instanceof Integer number) {
				return number;
			}
		}
		return null;
	}

	/**
	 * A probe's or Service's port, by name or number, as the container declares it; null
	 * if it does not.
	 */
	private static Integer resolvePort(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return Yamls.listAt(container, "ports")
				.stream()
				.anyMatch((declared) -> number.equals(Yamls.at(declared, "containerPort"))) ? number : null;
		}
		return (port != null) ? containerPort(container, port.toString()) : null;
	}

}
