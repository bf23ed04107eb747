package dev.keel.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.testing.LoopbackHttp;

/**
 * A real HTTP service instance for the gateway to route to: answers every request with an
 * {@link Echo} of what it received. Paths ending in {@code /unavailable} answer 503,
 * paths ending in {@code /slow} answer after 5 seconds, paths ending in {@code /stream}
 * send one event after 2 seconds, paths ending in {@code /with-own-headers} answer with
 * {@link #OWN_HEADERS}. Backends live as long as the test JVM, like the cached
 * application contexts that route to them.
 */
public final class Backend {

	/**
	 * CORS and security headers of a service's own, which the gateway must not duplicate.
	 */
	public static final Map<String, List<String>> OWN_HEADERS = Map.of("Access-Control-Allow-Origin", List.of("*"),
			"Content-Security-Policy", List.of("sandbox"), "X-Frame-Options", List.of("SAMEORIGIN"));

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String name;

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicLong bodyBytes = new AtomicLong();

	private Backend(String name, HttpServer server) {
		this.name = name;
		this.server = server;
	}

	public static Backend start(String name) {
		HttpServer server = LoopbackHttp.start();
		Backend backend = new Backend(name, server);
		server.createContext("/", backend::answer);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
		return backend;
	}

	/**
	 * A port on which nothing listens, so connections to it are refused.
	 * @return the port
	 */
	public static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String uri() {
		return LoopbackHttp.uri(this.server);
	}

	public int requests() {
		return this.requests.get();
	}

	/**
	 * The request body bytes this backend has read so far, counted as they arrive.
	 * @return the bytes of every request body read, including ones still arriving
	 */
	public long bodyBytesReceived() {
		return this.bodyBytes.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		// Like a real service, read the whole request before answering.
		long bodyLength = read(exchange.getRequestBody());
		String path = exchange.getRequestURI().getPath();
		if (path.endsWith("/stream")) {
			stream(exchange);
			return;
		}
		if (path.endsWith("/slow")) {
			sleep(Duration.ofSeconds(5));
		}
		int status = path.endsWith("/unavailable") ? 503 : 200;
		byte[] body = json.writeValueAsBytes(new Echo(this.name, exchange.getRequestMethod(), path,
				exchange.getRequestURI().getRawQuery(), headers(exchange), bodyLength));
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		if (path.endsWith("/with-own-headers")) {
			exchange.getResponseHeaders().putAll(OWN_HEADERS);
		}
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private long read(InputStream body) throws IOException {
		byte[] buffer = new byte[16 * 1024];
		long length = 0;
		for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
			length += read;
			this.bodyBytes.addAndGet(read);
		}
		return length;
	}

	// Server-Sent Events whose first event, and so the response headers, come only
	// after two seconds, as from a reactive service with nothing to report yet.
	private void stream(HttpExchange exchange) throws IOException {
		sleep(Duration.ofSeconds(2));
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream body = exchange.getResponseBody();
		body.write(
				("event: notification\ndata: {\"from\":\"" + this.name + "\"}\n\n").getBytes(StandardCharsets.UTF_8));
		exchange.close();
	}

	private static Map<String, String> headers(HttpExchange exchange) {
		Map<String, String> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		return headers;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What a backend received.
	 *
	 * @param backend the name of the backend that answered
	 * @param method the request method
	 * @param path the request path
	 * @param rawQuery the query string as received
	 * @param headers the request headers, names in lower case
	 * @param bodyLength the number of request body bytes received
	 */
	public record Echo(String backend, String method, String path, String rawQuery, Map<String, String> headers,
			long bodyLength) {
	}

}
