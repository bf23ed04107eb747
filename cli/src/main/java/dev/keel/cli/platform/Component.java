package dev.keel.cli.platform;

import java.util.List;
import java.util.Map;

/**
 * One process of the platform.
 *
 * @param name unique name, also the log prefix ({@code data-service-2} for a second
 * instance)
 * @param kind its start-up tier
 * @param module the Maven module whose jar it runs, or {@code null} for infrastructure
 * @param port the port clients use
 * @param managementPort the actuator port of a service, 0 for infrastructure
 * @param arguments the arguments of {@code keel infra ...} for infrastructure
 * @param environment variables added to the inherited environment
 * @param heap the maximum heap, as for {@code -Xmx}
 * @param jvmOptions further JVM options of this component
 */
public record Component(String name, Kind kind, String module, int port, int managementPort, List<String> arguments,
		Map<String, String> environment, String heap, List<String> jvmOptions) {

	/**
	 * Only the quick C1 compiler: less memory and a faster start, which suits most
	 * components (see {@code Platform} for the ones that get C2).
	 */
	static final List<String> QUICK_JIT = List.of("-XX:TieredStopAtLevel=1");

	public Component {
		arguments = List.copyOf(arguments);
		environment = Map.copyOf(environment);
		jvmOptions = List.copyOf(jvmOptions);
	}

	public boolean isService() {
		return this.module != null;
	}

	/** The Eureka application name of a service ({@code DATA-SERVICE}). */
	public String application() {
		return this.module.toUpperCase(java.util.Locale.ROOT);
	}

	static Component infra(String name, int port, String heap, String... arguments) {
		return new Component(name, Kind.INFRA, null, port, 0, List.of(arguments), Map.of(), heap, QUICK_JIT);
	}

}
