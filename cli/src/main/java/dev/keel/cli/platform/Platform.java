package dev.keel.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The components of a local platform in start order, on the {@link Ports} of the
 * environment. External infrastructure named by {@code KEEL_MONGODB_URI},
 * {@code KEEL_KAFKA_BOOTSTRAP_SERVERS} or {@code KEEL_SMTP_HOST} replaces the embedded
 * counterpart; otherwise every service is told where its embedded store, the broker, the
 * mail sink and discovery are. auth-service gets the {@link LocalAdmin} development
 * default unless the environment names an admin. Extra instances from {@code --scale} get
 * random free ports. Every service listens on the {@link BindAddress}, gets discovery's
 * credentials ({@link DiscoveryAccess}) when the environment carries them, and fetches
 * signing keys from the first auth-service instance, never through discovery.
 */
public final class Platform {

	static final Set<String> SCALABLE = Set.of("auth-service", "data-service", "notification-service",
			"storage-service", "gateway");

	/**
	 * Components that get the optimising compiler: auth-service hashes passwords (Argon2
	 * is about three times faster), and every request crosses the gateway (about 10 %
	 * more requests/s in {@code keel bench gateway}).
	 */
	private static final Set<String> FULL_JIT = Set.of("auth-service", "gateway");

	/** Components that fetch auth-service's signing keys. */
	private static final Set<String> VERIFY_TOKENS = Set.of("data-service", "notification-service", "storage-service",
			"gateway");

	private static final List<String> SERVICES = List.of("auth-service", "data-service", "notification-service",
			"storage-service", "gateway");

	/** The services with an embedded store of their own, by store name. */
	private static final List<String> STORES = List.of("auth", "data", "notification", "storage");

	private static final String SETTINGS_PREFIX = "KEEL_";

	/**
	 * Where a local sign-in may hand over to when {@code KEEL_AUTH_REDIRECT_ALLOW_LIST}
	 * is not set: the usual dev servers (Create React App / Next.js, Vite).
	 */
	static final String LOCAL_REDIRECT_ALLOW_LIST = "http://localhost:3000,http://localhost:5173";

	private Platform() {
	}

	public static List<Component> plan(Layout layout, Map<String, String> environment, Map<String, Integer> scale) {
		for (String service : scale.keySet()) {
			if (!SCALABLE.contains(service)) {
				throw new IllegalArgumentException("Cannot scale '" + service + "'. Scalable: " + SCALABLE + ".");
			}
		}
		Ports ports = Ports.from(environment);
		List<Component> components = new ArrayList<>(infrastructure(layout, environment, ports));
		components.add(service("discovery", Kind.DISCOVERY, "discovery", ports.discovery(), environment, ports));
		for (String module : SERVICES) {
			components.add(withState(layout, environment,
					service(module, Kind.SERVICE, module, ports.service(module), environment, ports)));
			for (int instance = 2; instance <= scale.getOrDefault(module, 1); instance++) {
				components.add(withState(layout, environment,
						service(module + "-" + instance, Kind.SERVICE, module, freePort(), environment, ports)));
			}
		}
		return List.copyOf(components);
	}

	/**
	 * The environment a run's components start from: the launcher's, with the address to
	 * listen on and discovery's credentials.
	 * @param system the launcher's environment
	 * @param bindAddress where the services listen
	 * @param discovery discovery's credentials
	 * @return the environment to plan with and start processes from
	 */
	public static Map<String, String> environment(Map<String, String> system, BindAddress bindAddress,
			DiscoveryAccess discovery) {
		Map<String, String> environment = new HashMap<>(system);
		environment.put(BindAddress.VARIABLE, bindAddress.address());
		environment.putAll(discovery.variables());
		return Map.copyOf(environment);
	}

	/**
	 * The settings in an environment: its {@code KEEL_*} variables, which configure the
	 * launcher and every component.
	 * @param environment the launcher's environment
	 * @return the variables whose names start with {@code KEEL_}
	 */
	public static Map<String, String> settings(Map<String, String> environment) {
		Map<String, String> settings = new HashMap<>();
		environment.forEach((name, value) -> {
			if (name.startsWith(SETTINGS_PREFIX)) {
				settings.put(name, value);
			}
		});
		return Map.copyOf(settings);
	}

	/**
	 * The environment of a command that starts a process beside a running platform: its
	 * own, with its {@link #settings settings} replaced by the ones the run was started
	 * with ({@link RunState#settings()}), so that the process is configured like the
	 * run's own, whatever the command's shell sets.
	 * @param system the command's environment
	 * @param run the settings the run was started with
	 * @return the environment to hand to {@link #environment}
	 */
	public static Map<String, String> withSettingsOf(Map<String, String> system, Map<String, String> run) {
		Map<String, String> environment = new HashMap<>(system);
		environment.keySet().removeIf((name) -> name.startsWith(SETTINGS_PREFIX));
		environment.putAll(run);
		return Map.copyOf(environment);
	}

	/**
	 * The environment of a process started beside a running platform (a component started
	 * again, the gateway benchmark's second gateway): the settings the run was started
	 * with rather than the command's ({@link #withSettingsOf}), on the address the run
	 * listens on and with discovery's credentials. A run recorded before settings were
	 * kept has none, and then the command's own apply.
	 * @param state the running platform
	 * @param layout the checkout
	 * @param system the command's environment
	 * @return the environment to start the process with
	 */
	public static Map<String, String> besideRun(RunState state, Layout layout, Map<String, String> system) {
		Map<String, String> run = state.settings().isEmpty() ? system : withSettingsOf(system, state.settings());
		return environment(run, BindAddress.of(state.host(), run), DiscoveryAccess.of(layout, run));
	}

	/** The component to start again for a stopped one of a run, on the same ports. */
	public static Component restart(Layout layout, Map<String, String> environment, RunState.Running stopped) {
		Ports ports = Ports.from(environment);
		if (stopped.module() != null) {
			Component component = withState(layout, environment,
					service(stopped.name(), stopped.kind(), stopped.module(), stopped.port(), environment, ports));
			return new Component(component.name(), component.kind(), component.module(), stopped.port(),
					stopped.managementPort(), component.arguments(), withManagementPort(component, stopped),
					component.heap(), component.jvmOptions());
		}
		return infrastructure(layout, Map.of(), ports).stream()
			.filter((component) -> component.name().equals(stopped.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown component " + stopped.name()));
	}

	/**
	 * One more instance of a service beside a running platform, configured like the
	 * platform's own but on free ports and with {@code settings} added to its environment
	 * (the gateway benchmark's gateway with token validation switched off).
	 */
	public static Component extraInstance(String name, String module, Map<String, String> environment,
			Map<String, String> settings) {
		Component component = service(name, Kind.SERVICE, module, freePort(), environment, Ports.from(environment));
		Map<String, String> combined = new HashMap<>(component.environment());
		combined.putAll(settings);
		return new Component(name, component.kind(), module, component.port(), component.managementPort(),
				component.arguments(), combined, component.heap(), component.jvmOptions());
	}

	private static Map<String, String> withManagementPort(Component component, RunState.Running stopped) {
		Map<String, String> environment = new HashMap<>(component.environment());
		environment.put("KEEL_MANAGEMENT_PORT", String.valueOf(stopped.managementPort()));
		return environment;
	}

	private static List<Component> infrastructure(Layout layout, Map<String, String> environment, Ports ports) {
		List<Component> infra = new ArrayList<>();
		if (isBlank(environment.get("KEEL_KAFKA_BOOTSTRAP_SERVERS"))) {
			infra.add(Component.infra("kafka", ports.kafka(), "256m", "kafka", "--port", String.valueOf(ports.kafka()),
					"--controller-port", String.valueOf(ports.kafkaController()), "--data-dir",
					layout.data().resolve("kafka").toString()));
		}
		if (isBlank(environment.get("KEEL_MONGODB_URI"))) {
			for (String service : STORES) {
				infra.add(Component.infra("mongo-" + service, ports.mongo(service), "128m", "mongo", "--port",
						String.valueOf(ports.mongo(service)), "--file",
						layout.data().resolve("mongo-" + service + ".mv").toString()));
			}
		}
		if (isBlank(environment.get("KEEL_SMTP_HOST"))) {
			infra.add(Component.infra("mail", ports.smtp(), "96m", "mail", "--smtp-port", String.valueOf(ports.smtp()),
					"--http-port", String.valueOf(ports.mailHttp())));
		}
		return infra;
	}

	/**
	 * A service told its ports and, unless the user named external ones, where the
	 * embedded infrastructure is: it does not rely on its defaults matching the
	 * launcher's ports.
	 */
	private static Component service(String name, Kind kind, String module, int port, Map<String, String> environment,
			Ports ports) {
		int managementPort = (port == ports.service(module)) ? Ports.management(port) : freePort();
		Map<String, String> settings = new HashMap<>();
		settings.put("KEEL_PORT", String.valueOf(port));
		settings.put("KEEL_MANAGEMENT_PORT", String.valueOf(managementPort));
		settings.put("KEEL_EUREKA_URL", ports.eurekaUrl());
		settings.put(BindAddress.VARIABLE, BindAddress.of(null, environment).address());
		// Registered in discovery: where the gateway and the others reach this instance.
		settings.put("KEEL_EUREKA_HOSTNAME", BindAddress.LOOPBACK);
		for (String variable : List.of(DiscoveryAccess.USERNAME_VARIABLE, DiscoveryAccess.PASSWORD_VARIABLE)) {
			if (!isBlank(environment.get(variable))) {
				settings.put(variable, environment.get(variable));
			}
		}
		if (VERIFY_TOKENS.contains(module) && isBlank(environment.get("KEEL_JWK_SET_URI"))) {
			// The first auth-service instance: every instance serves the same keys (they
			// are in auth's store), and this address is not taken from discovery.
			settings.put("KEEL_JWK_SET_URI", "http://" + BindAddress.LOOPBACK + ":" + ports.service("auth-service")
					+ "/api/auth/.well-known/jwks.json");
		}
		if (isBlank(environment.get("KEEL_KAFKA_BOOTSTRAP_SERVERS"))) {
			settings.put("KEEL_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
		}
		String store = module.replace("-service", "");
		if (isBlank(environment.get("KEEL_MONGODB_URI")) && STORES.contains(store)) {
			settings.put("KEEL_MONGODB_URI", "mongodb://localhost:" + ports.mongo(store));
		}
		if (isBlank(environment.get("KEEL_SMTP_HOST"))) {
			settings.put("KEEL_SMTP_HOST", "localhost");
			settings.put("KEEL_SMTP_PORT", String.valueOf(ports.smtp()));
		}
		if (("notification-service".equals(module) || "auth-service".equals(module))
				&& isBlank(environment.get("KEEL_APP_URL"))) {
			// Links in emails open the gateway's pages, and identity providers send the
			// browser back to auth's callback, wherever the gateway listens.
			settings.put("KEEL_APP_URL", "http://localhost:" + ports.gateway());
		}
		if ("auth-service".equals(module) && isBlank(environment.get("KEEL_AUTH_REDIRECT_ALLOW_LIST"))) {
			// Sign-ins may hand over to the usual local dev servers (React, Vite).
			settings.put("KEEL_AUTH_REDIRECT_ALLOW_LIST", LOCAL_REDIRECT_ALLOW_LIST);
		}
		if ("auth-service".equals(module)) {
			LocalAdmin.from(environment).filter(LocalAdmin::developmentDefault).ifPresent((admin) -> {
				settings.put(LocalAdmin.EMAIL_VARIABLE, admin.email());
				settings.put(LocalAdmin.PASSWORD_VARIABLE, admin.password());
			});
		}
		List<String> jit = FULL_JIT.contains(module) ? List.of() : Component.QUICK_JIT;
		return new Component(name, kind, module, port, managementPort, List.of(), settings, "256m", jit);
	}

	/**
	 * A service with what it keeps in the state folder: storage-service's instances share
	 * the local blob store's folder ({@code data/storage}) unless the environment names
	 * another, and sign download URLs with the state folder's
	 * {@link StorageSigningSecret}.
	 */
	private static Component withState(Layout layout, Map<String, String> environment, Component component) {
		if (!"storage-service".equals(component.module())) {
			return component;
		}
		Map<String, String> settings = new HashMap<>(component.environment());
		if (isBlank(environment.get("KEEL_STORAGE_DIR"))) {
			settings.put("KEEL_STORAGE_DIR", layout.storage().toString());
		}
		settings.put(StorageSigningSecret.VARIABLE, StorageSigningSecret.of(layout, environment));
		return new Component(component.name(), component.kind(), component.module(), component.port(),
				component.managementPort(), component.arguments(), settings, component.heap(), component.jvmOptions());
	}

	/**
	 * A port nothing listens on now; the short race until the service binds it is
	 * acceptable locally.
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port", ex);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
