package dev.keel.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the platform's API through the gateway, as an app would call it. Every call
 * must answer within 10 s, and no call may get a 500.
 */
final class Api {

	static final String GATEWAY = "http://localhost:" + KeelCli.port(8080);

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Api() {
	}

	static Reply get(String path, String bearer) {
		return send(request(path, bearer).GET());
	}

	static Reply delete(String path, String bearer) {
		return send(request(path, bearer).DELETE());
	}

	static Reply post(String path, String bearer, Object body) {
		return send(request(path, bearer).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString((body instanceof String text) ? text : json.writeValueAsString(body))));
	}

	static Reply patch(String path, String bearer, Object body) {
		return send(request(path, bearer).header("Content-Type", "application/json")
			.method("PATCH", BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	static Reply put(String path, String bearer, Object body) {
		return call("PUT", path, bearer, Map.of(), body);
	}

	/**
	 * Any request: {@code body} is sent as it is when it is a string, else as JSON; a
	 * {@code Content-Type} among the headers replaces {@code application/json}.
	 */
	static Reply call(String method, String path, String bearer, Map<String, String> headers, Object body) {
		HttpRequest.Builder builder = request(path, bearer);
		headers.forEach(builder::header);
		if (body == null) {
			return send(builder.method(method, BodyPublishers.noBody()));
		}
		if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
			builder.header("Content-Type", "application/json");
		}
		String text = (body instanceof String string) ? string : json.writeValueAsString(body);
		return send(builder.method(method, BodyPublishers.ofString(text)));
	}

	static Reply form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body)));
	}

	private static HttpRequest.Builder request(String path, String bearer) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create(path.startsWith("http") ? path : GATEWAY + path))
			.timeout(Duration.ofSeconds(10));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	private static Reply send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
			Reply reply = new Reply(response);
			if (reply.status() >= 500 && reply.status() != 503) {
				throw new AssertionError(request.method() + " " + request.uri() + " answered " + reply.status() + ": "
						+ response.body());
			}
			return reply;
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(request.method() + " " + request.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A response: its status, headers and JSON body (missing node when empty or not
	 * JSON).
	 */
	record Reply(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		JsonNode body() {
			String text = this.response.body();
			if (text == null || text.isBlank()) {
				return json.missingNode();
			}
			try {
				return json.readTree(text);
			}
			catch (RuntimeException ex) {
				return json.missingNode();
			}
		}

		String field(String name) {
			return body().path(name).asString();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		String contentType() {
			return header("Content-Type");
		}

	}

}
