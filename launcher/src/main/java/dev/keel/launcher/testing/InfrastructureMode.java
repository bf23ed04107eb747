package dev.keel.launcher.testing;

import java.util.Locale;

/**
 * Which infrastructure the tests get, from {@code KEEL_TEST_INFRA} (an environment
 * variable, or a system property of the same name, which wins): {@code embedded} (the
 * default), {@code containers}, or {@code auto} (containers when Docker answers, embedded
 * otherwise).
 */
enum InfrastructureMode {

	EMBEDDED, CONTAINERS;

	static final String SETTING = "KEEL_TEST_INFRA";

	private static final String TESTCONTAINERS_CLASS = "org.testcontainers.DockerClientFactory";

	static InfrastructureMode resolve() {
		String setting = System.getProperty(SETTING, System.getenv(SETTING));
		String value = (setting != null && !setting.isBlank()) ? setting.strip().toLowerCase(Locale.ROOT) : "embedded";
		return switch (value) {
			case "embedded" -> EMBEDDED;
			case "containers" -> requireTestcontainers();
			case "auto" -> (testcontainersPresent() && ContainerServers.dockerAvailable()) ? CONTAINERS : EMBEDDED;
			default -> throw new IllegalStateException(
					SETTING + "=" + setting + " is not understood; use embedded, containers or auto");
		};
	}

	Infrastructure start() {
		return (this == CONTAINERS) ? ContainerServers.start() : EmbeddedServers.start();
	}

	private static InfrastructureMode requireTestcontainers() {
		if (!testcontainersPresent()) {
			throw new IllegalStateException(SETTING + "=containers needs org.testcontainers:testcontainers-mongodb"
					+ " and testcontainers-kafka on the test classpath");
		}
		return CONTAINERS;
	}

	private static boolean testcontainersPresent() {
		try {
			Class.forName(TESTCONTAINERS_CLASS, false, InfrastructureMode.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
