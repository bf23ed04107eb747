package dev.keel.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.launcher.testing.EmbeddedInfrastructure;
import dev.keel.launcher.testing.JwksServer;
import dev.keel.launcher.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * data-service on a real Kafka broker and MongoDB-wire store, called over real HTTP with
 * tokens from a test JWKS. Test classes extending it share one application context.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false" })
public abstract class DataServiceTest {

	protected static final TestTokens tokens = TestTokens.create();

	protected static final JwksServer jwks = JwksServer.start(tokens);

	protected static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.load-balanced", () -> false);
		registry.add("keel.security.issuer", tokens::issuer);
	}

	protected static String admin() {
		return tokens.token("admin-1", "admin");
	}

	protected Reply call(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
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
			Reply reply = new Reply(response.statusCode(), response.body(), response);
			assertThat(reply.status()).as("%s %s answered %s", method, path, response.body()).isLessThan(500);
			return reply;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected Reply get(String path, String token) {
		return call("GET", path, token, null, Map.of());
	}

	protected Reply post(String path, String token, Object body) {
		return call("POST", path, token, body, Map.of());
	}

	protected Reply put(String path, String token, Object body) {
		return call("PUT", path, token, body, Map.of());
	}

	protected Reply delete(String path, String token) {
		return call("DELETE", path, token, null, Map.of());
	}

	protected Reply patch(String path, String token, Object body, Map<String, String> headers) {
		return call("PATCH", path, token, body, headers);
	}

	/**
	 * An answer.
	 *
	 * @param status the status
	 * @param body the body text
	 * @param response the whole response
	 */
	protected record Reply(int status, String body, HttpResponse<String> response) {

		public JsonNode json() {
			return DataServiceTest.json.readTree(this.body);
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String code() {
			return json().path("code").asString();
		}

	}

}
