package dev.keel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to a service under test, as its clients make them: a bearer token, a
 * JSON body, any headers. Every call fails the test if it gets a 5xx, because no client
 * request may cause one.
 */
public final class ServiceHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ServiceHttp() {
	}

	/**
	 * One request to {@code localhost:port}.
	 * @param port the service's port
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param token a bearer token, or {@code null}
	 * @param body a string sent as it is, any other object as JSON, or {@code null}
	 * @param headers more headers; a {@code Content-Type} among them replaces JSON's
	 * @return the answer
	 */
	public static Reply call(int port, String method, String path, String token, Object body,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		if (body != null) {
			String text = (body instanceof String string) ? string : json.writeValueAsString(body);
			if (!headers.containsKey("Content-Type")) {
				request.header("Content-Type", "application/json");
			}
			request.method(method, BodyPublishers.ofString(text));
		}
		else {
			request.method(method, BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
			if (response.statusCode() >= 500) {
				throw new AssertionError(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The usual requests, for a test base class that says how to make one (usually with
	 * {@link ServiceHttp#call} on the port of its service).
	 */
	public interface Calls {

		Reply call(String method, String path, String token, Object body, Map<String, String> headers);

		default Reply get(String path, String token) {
			return call("GET", path, token, null, Map.of());
		}

		default Reply post(String path, String token, Object body) {
			return call("POST", path, token, body, Map.of());
		}

		default Reply put(String path, String token, Object body) {
			return call("PUT", path, token, body, Map.of());
		}

		default Reply delete(String path, String token) {
			return call("DELETE", path, token, null, Map.of());
		}

		default Reply patch(String path, String token, Object body, Map<String, String> headers) {
			return call("PATCH", path, token, body, headers);
		}

	}

	/**
	 * An answer.
	 *
	 * @param status the status
	 * @param body the body text
	 * @param response the whole response
	 */
	public record Reply(int status, String body, HttpResponse<String> response) {

		public JsonNode json() {
			return ServiceHttp.json.readTree(this.body);
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String code() {
			return json().path("code").asString();
		}

	}

}
