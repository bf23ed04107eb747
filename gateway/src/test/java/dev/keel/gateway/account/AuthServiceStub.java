package dev.keel.gateway.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.testing.LoopbackHttp;

/**
 * A stand-in for auth-service that records every call and answers each with what the test
 * asked for last ({@code 204} until told otherwise).
 */
final class AuthServiceStub {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile Answer answer = new Answer(204, "", Map.of());

	private AuthServiceStub(HttpServer server) {
		this.server = server;
	}

	static AuthServiceStub start() {
		HttpServer server = LoopbackHttp.start();
		AuthServiceStub stub = new AuthServiceStub(server);
		server.createContext("/", stub::answer);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
		return stub;
	}

	String uri() {
		return LoopbackHttp.uri(this.server);
	}

	/** Forgets what was received and answers the next calls with the given status. */
	void willAnswer(int status, String problemJson, Map<String, String> headers) {
		this.received.clear();
		this.answer = new Answer(status, problemJson, headers);
	}

	void willAnswer(int status) {
		willAnswer(status, "", Map.of());
	}

	void willReject(String problemJson) {
		willAnswer(400, problemJson, Map.of());
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	private void answer(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				headers(exchange), json.readTree(new String(body, StandardCharsets.UTF_8))));
		Answer answer = this.answer;
		answer.headers().forEach(exchange.getResponseHeaders()::set);
		byte[] problem = answer.problemJson().getBytes(StandardCharsets.UTF_8);
		if (problem.length > 0) {
			exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		}
		exchange.sendResponseHeaders(answer.status(), (problem.length > 0) ? problem.length : -1);
		exchange.getResponseBody().write(problem);
		exchange.close();
	}

	private static Map<String, String> headers(HttpExchange exchange) {
		Map<String, String> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		return headers;
	}

	private record Answer(int status, String problemJson, Map<String, String> headers) {
	}

	/**
	 * A call auth-service received.
	 *
	 * @param method the method
	 * @param path the path
	 * @param headers the headers, names in lower case
	 * @param body the JSON body
	 */
	record Received(String method, String path, Map<String, String> headers, JsonNode body) {
	}

}
