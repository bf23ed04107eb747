package dev.keel.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The components of a local platform in start order, with their fixed ports. External
 * infrastructure named by {@code KEEL_MONGODB_URI}, {@code KEEL_KAFKA_BOOTSTRAP_SERVERS}
 * or {@code KEEL_SMTP_HOST} replaces the embedded counterpart. Extra instances from
 * {@code --scale} get random free ports.
 */
public final class Platform {

	public static final int GATEWAY_PORT = 8080;

	public static final int DISCOVERY_PORT = 8761;

	public static final int MAIL_HTTP_PORT = 8025;

	static final Set<String> SCALABLE = Set.of("auth-service", "data-service", "notification-service", "gateway");

	private Platform() {
	}

	public static List<Component> plan(Layout layout, Map<String, String> environment, Map<String, Integer> scale) {
		for (String service : scale.keySet()) {
			if (!SCALABLE.contains(service)) {
				throw new IllegalArgumentException("Cannot scale '" + service + "'. Scalable: " + SCALABLE + ".");
			}
		}
		List<Component> components = new ArrayList<>(infrastructure(layout, environment));
		components.add(Component.service("discovery", Kind.DISCOVERY, "discovery", DISCOVERY_PORT, 9761));
		addService(components, "auth-service", 8081, scale);
		addService(components, "data-service", 8082, scale);
		addService(components, "notification-service", 8083, scale);
		addService(components, "gateway", GATEWAY_PORT, scale);
		return List.copyOf(components);
	}

	/** The component to start again for a stopped one of a run, on the same ports. */
	public static Component restart(Layout layout, RunState.Running stopped) {
		if (stopped.module() != null) {
			return Component.service(stopped.name(), stopped.kind(), stopped.module(), stopped.port(),
					stopped.managementPort());
		}
		return infrastructure(layout, Map.of()).stream()
			.filter((component) -> component.name().equals(stopped.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown component " + stopped.name()));
	}

	private static List<Component> infrastructure(Layout layout, Map<String, String> environment) {
		List<Component> infra = new ArrayList<>();
		if (isBlank(environment.get("KEEL_KAFKA_BOOTSTRAP_SERVERS"))) {
			infra.add(Component.infra("kafka", 9092, "512m", "kafka", "--port", "9092", "--controller-port", "9093",
					"--data-dir", layout.data().resolve("kafka").toString()));
		}
		if (isBlank(environment.get("KEEL_MONGODB_URI"))) {
			infra.add(mongo(layout, "auth", 27081));
			infra.add(mongo(layout, "data", 27082));
			infra.add(mongo(layout, "notification", 27083));
		}
		if (isBlank(environment.get("KEEL_SMTP_HOST"))) {
			infra.add(Component.infra("mail", 1025, "96m", "mail", "--smtp-port", "1025", "--http-port",
					String.valueOf(MAIL_HTTP_PORT)));
		}
		return infra;
	}

	private static Component mongo(Layout layout, String service, int port) {
		return Component.infra("mongo-" + service, port, "256m", "mongo", "--port", String.valueOf(port), "--file",
				layout.data().resolve("mongo-" + service + ".mv").toString());
	}

	private static void addService(List<Component> components, String module, int port, Map<String, Integer> scale) {
		components.add(Component.service(module, Kind.SERVICE, module, port, 1000 + port));
		int instances = scale.getOrDefault(module, 1);
		for (int instance = 2; instance <= instances; instance++) {
			components.add(Component.service(module + "-" + instance, Kind.SERVICE, module, freePort(), freePort()));
		}
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
