package dev.keel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks of the platform contract that every Keel service must meet (API.md §1 and §6),
 * over real HTTP, shared by the services' integration tests so each service is held to
 * the same rules. Each check throws {@link AssertionError} naming what was wrong.
 */
public final class ServiceContract {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private ServiceContract() {
	}

	/**
	 * Liveness, readiness (UP) and Prometheus answer on the management port, and not on
	 * the service port.
	 */
	public static void assertProbesOnManagementPortOnly(int port, int managementPort) {
		assertProbesOnManagementPortOnly(port, managementPort, null);
	}

	/**
	 * Liveness, readiness (UP) and Prometheus answer on the management port without a
	 * token, and not on the service port, even for a caller with a valid token.
	 * @param bearerToken sent to the service port only; {@code null} for none
	 */
	public static void assertProbesOnManagementPortOnly(int port, int managementPort, String bearerToken) {
		expect(get(managementPort, "/actuator/health/liveness").statusCode() == 200, "liveness is not 200");
		HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
		expect(readiness.statusCode() == 200 && "UP".equals(json.readTree(readiness.body()).path("status").asString()),
				"readiness is not UP: " + readiness.body());
		expect(get(managementPort, "/actuator/prometheus").body().contains("jvm_memory_used_bytes"),
				"prometheus shows no JVM metrics");
		// Without a token a secured service answers 401 before routing: either way, no
		// health data.
		HttpResponse<String> onServicePort = get(port, "/actuator/health", bearerToken);
		int expected = (bearerToken != null) ? 404 : onServicePort.statusCode();
		expect((expected == 404 || expected == 401) && onServicePort.statusCode() == expected
				&& !onServicePort.body().contains("\"UP\""), "actuator is exposed on the service port");
	}

	/**
	 * The service's database is its own, named as API.md §6 says, and takes writes.
	 * @param database the database the service's client uses
	 * @param expectedName such as {@code keel_data}
	 */
	public static void assertOwnDatabase(MongoDatabase database, String expectedName) {
		expect(database.getName().equals(expectedName),
				"the service uses database " + database.getName() + ", not " + expectedName);
		String id = UUID.randomUUID().toString();
		database.getCollection("probe").insertOne(new Document("_id", id).append("ok", true));
		Document stored = database.getCollection("probe").find(new Document("_id", id)).first();
		expect(stored != null && Boolean.TRUE.equals(stored.get("ok")), "a probe document did not read back");
	}

	/**
	 * The service created its events topic on the broker, with the configured partitions.
	 */
	public static void assertEventsTopic(String bootstrapServers, String topic, int partitions) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			TopicDescription description = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(topic);
			expect(description.partitions().size() == partitions,
					topic + " has " + description.partitions().size() + " partitions, not " + partitions);
		}
	}

	/** An unknown path answers 404 problem+json with code, trace id and a request id. */
	public static JsonNode assertNotFoundProblem(int port, String path) {
		return assertNotFoundProblem(port, path, null);
	}

	/**
	 * An unknown path answers 404 problem+json with code, trace id and a request id, to a
	 * caller with this token.
	 * @param bearerToken sent as {@code Authorization: Bearer}; {@code null} for none
	 */
	public static JsonNode assertNotFoundProblem(int port, String path, String bearerToken) {
		HttpResponse<String> response = get(port, path, bearerToken);
		JsonNode problem = assertProblem(response, 404, "not_found", path);
		expect(path.equals(problem.path("instance").asString()), "instance is not the path: " + problem);
		return problem;
	}

	/**
	 * The path answers 401 problem+json ({@code unauthorized}) with an RFC 6750
	 * challenge: {@code WWW-Authenticate: Bearer}, with {@code error="invalid_token"}
	 * when a token was sent.
	 * @param bearerToken sent as {@code Authorization: Bearer}; {@code null} for none
	 */
	public static JsonNode assertUnauthorizedProblem(int port, String path, String bearerToken) {
		HttpResponse<String> response = get(port, path, bearerToken);
		JsonNode problem = assertProblem(response, 401, "unauthorized", path);
		String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
		expect(challenge.startsWith("Bearer"), "no Bearer challenge: '" + challenge + "'");
		if (bearerToken != null) {
			expect(challenge.contains("error=\"invalid_token\""), "no invalid_token error: '" + challenge + "'");
		}
		expect(path.equals(problem.path("instance").asString()), "instance is not the path: " + problem);
		return problem;
	}

	/**
	 * The service's OpenAPI document answers without a token: an OpenAPI 3 document that
	 * names the gateway ({@code /}) as its server, offers the bearer token as its
	 * security scheme, and describes these paths.
	 * @param path where the document is served, such as {@code /api/auth/v3/api-docs}
	 * @param expectedPaths paths the document must describe, as written in it
	 * @return the document
	 */
	public static JsonNode assertOpenApiDocument(int port, String path, String... expectedPaths) {
		HttpResponse<String> response = get(port, path);
		expect(response.statusCode() == 200, path + " answered " + response.statusCode() + ": " + response.body());
		expect(response.headers().firstValue("Content-Type").filter((type) -> type.contains("json")).isPresent(),
				"not JSON: " + response.headers().firstValue("Content-Type"));
		JsonNode document = json.readTree(response.body());
		expect(document.path("openapi").asString().startsWith("3."), "not an OpenAPI 3 document: " + document);
		expect(!document.path("info").path("title").asString().isBlank(), "no title: " + document.path("info"));
		expect(!document.path("info").path("version").asString().isBlank(), "no version: " + document.path("info"));
		expect("/".equals(document.path("servers").path(0).path("url").asString()),
				"the server is not the gateway: " + document.path("servers"));
		JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
		expect("http".equals(bearer.path("type").asString()) && "bearer".equals(bearer.path("scheme").asString()),
				"no bearer security scheme: " + document.path("components").path("securitySchemes"));
		for (String expected : expectedPaths) {
			expect(document.path("paths").has(expected),
					path + " does not describe " + expected + "; it has " + document.path("paths").propertyNames());
		}
		return document;
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status, String code, String path) {
		expect(response.statusCode() == status, path + " answered " + response.statusCode() + ": " + response.body());
		expect(response.headers()
			.firstValue("Content-Type")
			.filter((type) -> type.startsWith("application/problem+json"))
			.isPresent(), "not application/problem+json: " + response.headers().firstValue("Content-Type"));
		expect(response.headers().firstValue("X-Request-Id").isPresent(), "no X-Request-Id header");
		JsonNode problem = json.readTree(response.body());
		expect(code.equals(problem.path("code").asString()), "code is not " + code + ": " + problem);
		expect(problem.path("status").asInt() == status, "status is not " + status + ": " + problem);
		expect(!problem.path("traceId").asString().isBlank(), "no traceId: " + problem);
		return problem;
	}

	public static HttpResponse<String> get(int port, String path) {
		return get(port, path, null);
	}

	/**
	 * A GET on the port.
	 * @param bearerToken sent as {@code Authorization: Bearer}; {@code null} for none
	 */
	public static HttpResponse<String> get(int port, String path, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("GET " + path + " on port " + port + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	private static void expect(boolean condition, String failure) {
		if (!condition) {
			throw new AssertionError(failure);
		}
	}

}
