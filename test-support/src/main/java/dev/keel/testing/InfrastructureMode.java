package dev.keel.testing;

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

	private static final String EMBEDDED_CLASS = "dev.keel.embedded.KafkaBroker";

	static InfrastructureMode resolve() {
		String setting = System.getProperty(SETTING, System.getenv(SETTING));
		String value = (setting != null && !setting.isBlank()) ? setting.strip().toLowerCase(Locale.ROOT) : "embedded";
		return switch (value) {
			case "embedded" -> requireEmbedded();
			case "containers" -> requireTestcontainers();
			case "auto" ->
				(testcontainersPresent() && ContainerServers.dockerAvailable()) ? CONTAINERS : requireEmbedded();
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

	/**
	 * test-support declares {@code embedded} optional: each service adds it where its
	 * tests need it.
	 */
	private static InfrastructureMode requireEmbedded() {
		if (!present(EMBEDDED_CLASS)) {
			throw new IllegalStateException(SETTING + "=embedded needs dev.keel:embedded on the test classpath"
					+ " (a test-scoped dependency next to test-support)");
		}
		return EMBEDDED;
	}

	private static boolean testcontainersPresent() {
		return present(TESTCONTAINERS_CLASS);
	}

	private static boolean present(String className) {
		try {
			Class.forName(className, false, InfrastructureMode.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
