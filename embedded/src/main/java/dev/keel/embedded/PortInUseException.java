package dev.keel.embedded;

/**
 * A component could not start because another process already listens on one of its
 * ports. Raised before the component binds anything, so that the user gets a message that
 * names the port instead of a stack trace from deep inside Kafka or Netty.
 */
public class PortInUseException extends IllegalStateException {

	private final int port;

	private final String role;

	PortInUseException(int port, String role) {
		super("Port " + port + " (" + role + ") is already in use by another process");
		this.port = port;
		this.role = role;
	}

	/**
	 * The port that is taken.
	 * @return the port number
	 */
	public int port() {
		return this.port;
	}

	/**
	 * What the port was meant for, for example {@code "Kafka listener"}.
	 * @return a short description of the port's role
	 */
	public String role() {
		return this.role;
	}

}
