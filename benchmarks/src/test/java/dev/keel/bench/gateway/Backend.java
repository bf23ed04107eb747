package dev.keel.bench.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service: answers 200 to a request carrying the expected bearer token
 * and 401 to any other, counting both and the client connections it saw.
 */
final class Backend implements AutoCloseable {

	static final String TOKEN = "test-token-123";

	private final HttpServer server;

	private final AtomicLong authorized = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	Backend() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", (exchange) -> {
			this.clientPorts.add(exchange.getRemoteAddress().getPort());
			boolean ok = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
			(ok ? this.authorized : this.refused).incrementAndGet();
			byte[] body = "{\"count\":0}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	long authorized() {
		return this.authorized.get();
	}

	long refused() {
		return this.refused.get();
	}

	int connections() {
		return this.clientPorts.size();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
