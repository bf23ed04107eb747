package dev.keel.cli.platform;

import java.util.Map;

/**
 * The fixed ports of a local platform, shifted by {@code KEEL_PORT_OFFSET} so that a
 * second platform (another checkout, or the system tests) can run beside the first. A
 * service's management port is its port + 1000.
 */
public record Ports(int offset) {

	public Ports {
		if (offset < 0 || offset > 30000) {
			throw new IllegalArgumentException("KEEL_PORT_OFFSET must be between 0 and 30000, not " + offset);
		}
	}

	public static Ports from(Map<String, String> environment) {
		String offset = environment.getOrDefault("KEEL_PORT_OFFSET", "").trim();
		try {
			return new Ports(offset.isEmpty() ? 0 : Integer.parseInt(offset));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("KEEL_PORT_OFFSET must be a number, not '" + offset + "'");
		}
	}

	public int gateway() {
		return 8080 + this.offset;
	}

	public int discovery() {
		return 8761 + this.offset;
	}

	public int service(String module) {
		return switch (module) {
			case "auth-service" -> 8081 + this.offset;
			case "data-service" -> 8082 + this.offset;
			case "notification-service" -> 8083 + this.offset;
			case "storage-service" -> 8084 + this.offset;
			case "gateway" -> gateway();
			case "discovery" -> discovery();
			default -> throw new IllegalArgumentException("No port for " + module);
		};
	}

	public static int management(int port) {
		return port + 1000;
	}

	public int kafka() {
		return 9092 + this.offset;
	}

	public int kafkaController() {
		return 9093 + this.offset;
	}

	/**
	 * The embedded store of {@code auth}, {@code data}, {@code notification} or
	 * {@code storage}.
	 */
	public int mongo(String service) {
		return switch (service) {
			case "auth" -> 27081 + this.offset;
			case "data" -> 27082 + this.offset;
			case "notification" -> 27083 + this.offset;
			case "storage" -> 27084 + this.offset;
			default -> throw new IllegalArgumentException("No store for " + service);
		};
	}

	public int smtp() {
		return 1025 + this.offset;
	}

	public int mailHttp() {
		return 8025 + this.offset;
	}

	public String discoveryUrl() {
		return "http://" + BindAddress.LOOPBACK + ":" + discovery();
	}

	public String eurekaUrl() {
		return discoveryUrl() + "/eureka";
	}

}
