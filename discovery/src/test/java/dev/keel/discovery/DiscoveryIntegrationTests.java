package dev.keel.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "KEEL_EUREKA_PEERS=http://localhost:${local.server.port}/eureka",
				"KEEL_DISCOVERY_PASSWORD=" + DiscoveryIntegrationTests.PASSWORD })
class DiscoveryIntegrationTests {

	static final String PASSWORD = "test-discovery-secret";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void dashboardNeedsCredentials() throws Exception {
		HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/")).GET().build());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		assertThat(anonymous.body()).doesNotContain("Eureka");

		HttpResponse<String> signedIn = send(authenticated(uri("/")).GET().build());
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains("Eureka");
	}

	@Test
	void anonymousRegistrationIsRefusedAndRegistersNothing() throws Exception {
		HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/eureka/apps/AUTH-SERVICE"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(instance("AUTH-SERVICE", "impostor:1")))
			.build());
		assertThat(registered.statusCode()).isEqualTo(401);
		assertThat(apps().toString()).doesNotContain("impostor:1");
	}

	@Test
	void wrongPasswordIsRefused() throws Exception {
		HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/eureka/apps/AUTH-SERVICE"))
			.header("Authorization", basic("keel", "keel-local-dev-discovery"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(instance("AUTH-SERVICE", "impostor:2")))
			.build());
		assertThat(registered.statusCode()).isEqualTo(401);
		HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/eureka/apps"))
			.header("Authorization", basic("keel", "wrong"))
			.header("Accept", "application/json")
			.build());
		assertThat(read.statusCode()).isEqualTo(401);
		assertThat(read.body()).doesNotContain("applications");
	}

	@Test
	void registryReadsNeedCredentials() throws Exception {
		HttpResponse<String> read = send(
				HttpRequest.newBuilder(uri("/eureka/apps")).header("Accept", "application/json").GET().build());
		assertThat(read.statusCode()).isEqualTo(401);
	}

	@Test
	void registeredInstanceIsListedThenForgottenOnCancel() throws Exception {
		HttpResponse<String> registered = send(
				authenticated(uri("/eureka/apps/PROBE")).header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString(instance("PROBE", "probe:1")))
					.build());
		assertThat(registered.statusCode()).isEqualTo(204);

		JsonNode app = apps().path("applications").path("application");
		assertThat(app.toString()).contains("\"PROBE\"").contains("probe:1");

		HttpResponse<String> anonymousCancel = send(
				HttpRequest.newBuilder(uri("/eureka/apps/PROBE/probe:1")).DELETE().build());
		assertThat(anonymousCancel.statusCode()).isEqualTo(401);
		assertThat(apps().toString()).contains("probe:1");

		HttpResponse<String> cancelled = send(authenticated(uri("/eureka/apps/PROBE/probe:1")).DELETE().build());
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(apps().toString()).doesNotContain("probe:1");
	}

	@Test
	void probesAndMetricsAreOpenOnTheManagementPort() throws Exception {
		for (String path : new String[] { "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/prometheus" }) {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path)).GET().build());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
		}
		HttpResponse<String> onMainPort = send(authenticated(uri("/actuator/health")).GET().build());
		assertThat(onMainPort.statusCode()).isEqualTo(404);
	}

	private static String instance(String app, String id) {
		return """
				{"instance": {"instanceId": "%s", "hostName": "localhost", "app": "%s",
				  "ipAddr": "127.0.0.1", "status": "UP", "port": {"$": 9999, "@enabled": "true"},
				  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
				"""
			.formatted(id, app);
	}

	private JsonNode apps() throws Exception {
		HttpResponse<String> response = send(
				authenticated(uri("/eureka/apps")).header("Accept", "application/json").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpRequest.Builder authenticated(URI uri) {
		return HttpRequest.newBuilder(uri).header("Authorization", basic("keel", PASSWORD));
	}

	static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, BodyHandlers.ofString());
	}

}
