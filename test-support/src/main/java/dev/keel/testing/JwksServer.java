package dev.keel.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a JWKS over HTTP on a free loopback port, standing in for auth-service's
 * {@code /.well-known/jwks.json}. It serves the keys as they are at each request, so a
 * {@link TestTokens#rotate() rotation} shows at once, and counts the fetches, so a test
 * can see what a service caches.
 */
public final class JwksServer implements AutoCloseable {

	private static final String PATH = "/jwks.json";

	private final HttpServer server;

	private final Supplier<JWKSet> keys;

	private final AtomicInteger fetches = new AtomicInteger();

	private final AtomicBoolean unavailable = new AtomicBoolean();

	private JwksServer(HttpServer server, Supplier<JWKSet> keys) {
		this.server = server;
		this.keys = keys;
	}

	/** Serves the public keys of the tokens. */
	public static JwksServer start(TestTokens tokens) {
		return start(tokens::publicKeys);
	}

	/** Serves whatever key set the supplier gives at each request (public parts only). */
	public static JwksServer start(Supplier<JWKSet> keys) {
		HttpServer server = LoopbackHttp.start();
		JwksServer jwks = new JwksServer(server, keys);
		server.createContext(PATH, jwks::answer);
		return jwks;
	}

	/** The URL of the key set, for {@code keel.security.jwk-set-uri}. */
	public String uri() {
		InetSocketAddress address = this.server.getAddress();
		return "http://" + address.getHostString() + ":" + address.getPort() + PATH;
	}

	/** How many times the key set has been requested. */
	public int fetches() {
		return this.fetches.get();
	}

	/** While true, every request gets a 503, as from an auth-service that is down. */
	public void unavailable(boolean unavailable) {
		this.unavailable.set(unavailable);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.fetches.incrementAndGet();
			if (this.unavailable.get()) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			byte[] body = this.keys.get().toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
