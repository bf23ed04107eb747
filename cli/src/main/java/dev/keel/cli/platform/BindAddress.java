package dev.keel.cli.platform;

import java.util.Map;
import java.util.Set;

/**
 * The address the gateway, discovery and the services of a local platform listen on:
 * {@code 127.0.0.1} unless {@code --host} or {@code KEEL_BIND_ADDRESS} asks for every
 * interface ({@code 0.0.0.0}, or {@code ::} for IPv6 too). Either way the processes reach
 * each other on {@code 127.0.0.1}, which is what they register in discovery. The embedded
 * infrastructure (broker, stores, mail sink) always stays on loopback: only Keel's own
 * processes use it.
 *
 * @param address the address to bind
 */
public record BindAddress(String address) {

	public static final String VARIABLE = "KEEL_BIND_ADDRESS";

	public static final String LOOPBACK = "127.0.0.1";

	private static final Set<String> EVERY_INTERFACE = Set.of("0.0.0.0", "::");

	public BindAddress {
		if (!LOOPBACK.equals(address) && !EVERY_INTERFACE.contains(address)) {
			throw new IllegalArgumentException("--host / " + VARIABLE + " must be 127.0.0.1 (the default), 0.0.0.0 or"
					+ " :: (every interface), not '" + address + "'");
		}
	}

	/**
	 * The address from {@code --host} if given, else {@code KEEL_BIND_ADDRESS}, else
	 * loopback.
	 * @param host the {@code --host} option, or {@code null}
	 * @param environment the launcher's environment
	 * @return the address to bind
	 */
	public static BindAddress of(String host, Map<String, String> environment) {
		String chosen = (host != null && !host.isBlank()) ? host : environment.getOrDefault(VARIABLE, "");
		return new BindAddress(chosen.isBlank() ? LOOPBACK : chosen.trim());
	}

	/** Whether others on the network can reach the platform. */
	public boolean beyondLoopback() {
		return !LOOPBACK.equals(this.address);
	}

}
