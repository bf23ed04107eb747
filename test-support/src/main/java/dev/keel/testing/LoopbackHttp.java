package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP server on the loopback address and a free port, already started, for tests
 * that stand in for a service, a JWKS or a webhook receiver. Each request runs on a
 * virtual thread of its own, so a slow handler holds up no other request.
 */
public final class LoopbackHttp {

	private LoopbackHttp() {
	}

	/**
	 * A running server with nothing to serve yet: add what it answers with
	 * {@link HttpServer#createContext(String, com.sun.net.httpserver.HttpHandler)}.
	 * @return the server; stop it with {@link HttpServer#stop(int)}
	 */
	public static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an HTTP server on the loopback address", ex);
		}
	}

	/** The server's base URI, {@code http://127.0.0.1:<port>}. */
	public static String uri(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

}
