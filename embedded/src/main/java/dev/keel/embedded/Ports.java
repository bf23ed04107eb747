package dev.keel.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Port handling shared by the components: choosing a free port when the caller asks for
 * port 0, and failing early, with a readable message, when a requested port is taken.
 */
final class Ports {

	private Ports() {
	}

	/**
	 * Returns {@code port} if it is free on localhost, or a free port chosen by the
	 * operating system if {@code port} is 0. Used where a server cannot report the port
	 * it bound itself (Kafka needs its ports in its configuration up front).
	 * @param port the requested port, or 0 for any free port
	 * @param role what the port is for, used in the error message
	 * @return a port that was free a moment ago
	 * @throws PortInUseException if {@code port} is taken
	 */
	static int freeOrRequested(int port, String role) {
		if (port == 0) {
			return bindAndRelease(0, role);
		}
		requireFree(port, role);
		return port;
	}

	/**
	 * Fails if something already listens on {@code port} on localhost.
	 * @param port the port to check; 0 passes trivially
	 * @param role what the port is for, used in the error message
	 * @throws PortInUseException if the port is taken
	 */
	static void requireFree(int port, String role) {
		if (port != 0) {
			bindAndRelease(port, role);
		}
	}

	private static int bindAndRelease(int port, String role) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket.getLocalPort();
		}
		catch (java.net.BindException ex) {
			throw new PortInUseException(port, role);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not probe port " + port + " (" + role + ")", ex);
		}
	}

}
