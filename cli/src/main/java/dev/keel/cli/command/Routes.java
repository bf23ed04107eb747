package dev.keel.cli.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.DiscoveryAccess;
import dev.keel.cli.platform.Ports;
import dev.keel.cli.process.Health;

/**
 * Waits until the platform is usable rather than merely up: every instance is registered
 * in Eureka, and the gateway routes each API prefix to a live service (any answer but
 * 502-504).
 */
final class Routes {

	static final Map<String, String> PREFIXES = Map.of("auth-service", "/api/auth/", "data-service", "/api/data/",
			"notification-service", "/api/notifications/", "storage-service", "/api/storage/");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private Routes() {
	}

	static void await(List<Component> plan, Ports ports, DiscoveryAccess discovery, Instant deadline, PrintStream out) {
		Map<String, Long> expected = plan.stream()
			.filter(Component::isService)
			.filter((component) -> !"discovery".equals(component.module()))
			.collect(Collectors.groupingBy(Component::application, Collectors.counting()));
		awaitRegistered(expected, ports, discovery, deadline);
		for (String prefix : PREFIXES.values()) {
			awaitRoutable(prefix, ports, deadline);
			out.printf("  %-22s routable%n", prefix + "**");
		}
	}

	/**
	 * Waits until the gateway routes requests under {@code prefix} to a live service,
	 * three answers in a row, so that a circuit breaker still half-open does not pass for
	 * routable.
	 */
	static void awaitRoutable(String prefix, Ports ports, Instant deadline) {
		URI probe = URI.create("http://127.0.0.1:" + ports.gateway() + prefix + "__keel_route_check");
		int[] inARow = { 0 };
		awaitCondition(() -> {
			inARow[0] = routable(Health.get(probe)) ? inARow[0] + 1 : 0;
			return inARow[0] >= 3;
		}, deadline, "the gateway does not route " + prefix + "%s", () -> "");
	}

	/**
	 * Waits until Eureka lists at least the expected number of UP instances per
	 * application.
	 */
	static void awaitRegistered(Map<String, Long> expected, Ports ports, DiscoveryAccess discovery, Instant deadline) {
		awaitCondition(
				() -> expected.entrySet()
					.stream()
					.allMatch((entry) -> registered(ports, discovery).getOrDefault(entry.getKey(), 0L) >= entry
						.getValue()),
				deadline, "not every instance registered with discovery: expected " + expected + ", saw %s",
				() -> registered(ports, discovery));
	}

	private static boolean routable(int status) {
		return status > 0 && status != 502 && status != 503 && status != 504;
	}

	/** UP instances per Eureka application name. */
	static Map<String, Long> registered(Ports ports, DiscoveryAccess discovery) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(ports.eurekaUrl() + "/apps"))
				.header("Accept", "application/json")
				.header("Authorization", discovery.authorization())
				.timeout(Duration.ofSeconds(3))
				.build();
			JsonNode applications = json.readTree(http.send(request, BodyHandlers.ofString()).body())
				.path("applications")
				.path("application");
			Map<String, Long> counts = new HashMap<>();
			for (JsonNode application : asList(applications)) {
				long up = asList(application.path("instance")).stream()
					.filter((instance) -> "UP".equals(instance.path("status").asString()))
					.count();
				counts.put(application.path("name").asString(), up);
			}
			return counts;
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
	}

	/** The platform started but the gateway does not reach every service in time. */
	static final class NotRoutable extends RuntimeException {

		NotRoutable(String message) {
			super(message);
		}

	}

	/** Eureka writes a one-element list as a bare object. */
	private static List<JsonNode> asList(JsonNode node) {
		if (node.isArray()) {
			return node.valueStream().toList();
		}
		return node.isObject() ? List.of(node) : List.of();
	}

	private static void awaitCondition(java.util.function.BooleanSupplier condition, Instant deadline, String failure,
			java.util.function.Supplier<Object> detail) {
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new NotRoutable(String.format(failure, detail.get()));
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
		}
	}

}
