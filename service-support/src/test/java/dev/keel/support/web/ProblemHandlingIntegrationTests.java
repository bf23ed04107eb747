package dev.keel.support.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

// Every path public: these tests are about errors, and bearer-token security has its own.
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.jackson.deserialization.fail-on-unknown-properties=true", "keel.security.public-paths=/**" })
class ProblemHandlingIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void unknownPathIsNotFoundProblem() throws Exception {
		HttpResponse<String> response = send(get("/nope"));
		JsonNode problem = assertProblem(response, 404, "not_found");
		assertThat(problem.path("instance").asString()).isEqualTo("/nope");
		assertThat(problem.path("title").asString()).isEqualTo("Not Found");
	}

	@Test
	void validBodyIsAccepted() throws Exception {
		HttpResponse<String> response = send(post("/things", "application/json", "{\"name\":\"a\",\"size\":2}"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("name").asString()).isEqualTo("a");
	}

	@Test
	void unknownJsonFieldIsRejectedWithItsName() throws Exception {
		HttpResponse<String> response = send(
				post("/things", "application/json", "{\"name\":\"a\",\"size\":2,\"color\":\"red\"}"));
		JsonNode problem = assertProblem(response, 400, "validation_failed");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("color");
	}

	@Test
	void malformedJsonIsBadRequest() throws Exception {
		assertProblem(send(post("/things", "application/json", "{\"name\": ")), 400, "malformed_request");
	}

	@Test
	void wrongTypeNamesTheField() throws Exception {
		HttpResponse<String> response = send(post("/things", "application/json", "{\"name\":\"a\",\"size\":\"big\"}"));
		JsonNode problem = assertProblem(response, 400, "validation_failed");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("size");
	}

	@Test
	void constraintViolationsListEveryField() throws Exception {
		HttpResponse<String> response = send(post("/things", "application/json", "{\"name\":\"\",\"size\":-1}"));
		JsonNode problem = assertProblem(response, 400, "validation_failed");
		assertThat(problem.path("errors").valueStream().map((e) -> e.path("field").asString()))
			.containsExactlyInAnyOrder("name", "size");
	}

	@Test
	void wildcardOrUnknownContentTypeIsUnsupportedMediaType() throws Exception {
		assertProblem(send(post("/things", "*/*", "{}")), 415, "unsupported_media_type");
		assertProblem(send(post("/things", "application/json; charset=latin-7", "{}")), 415, "unsupported_media_type");
		assertProblem(send(post("/things", "not a type", "{}")), 415, "unsupported_media_type");
	}

	@Test
	void queryOrFormThatIsNotUtf8IsBadRequest() throws Exception {
		assertProblem(send(get("/things/missing?limit=5%C0%AF")), 400, "bad_request");
		assertProblem(send(HttpRequest.newBuilder(uri("/things"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.PUT(BodyPublishers.ofString("token=%zz&a=%"))
			.build()), 400, "bad_request");
		assertProblem(send(post("/things", "application/x-www-form-urlencoded", "a=%C3%28")), 400, "bad_request");
	}

	@Test
	void formParameterNamesTheFirewallRefusesAreBadRequest() throws Exception {
		assertProblem(send(post("/things", "application/x-www-form-urlencoded", "\u0000\u0001\u0002")), 400,
				"bad_request");
	}

	@Test
	void wrongMethodIsMethodNotAllowed() throws Exception {
		assertProblem(send(HttpRequest.newBuilder(uri("/things")).DELETE().build()), 405, "method_not_allowed");
	}

	@Test
	void wrongMediaTypeIsUnsupported() throws Exception {
		assertProblem(send(post("/things", "text/plain", "name=a")), 415, "unsupported_media_type");
	}

	@Test
	void serviceSpecificCodeIsKept() throws Exception {
		assertProblem(send(get("/things/missing")), 404, "thing_not_found");
	}

	@Test
	void unexpectedExceptionIsInternalErrorWithoutDetails() throws Exception {
		HttpResponse<String> response = send(get("/boom"));
		JsonNode problem = assertProblem(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
		assertThat(problem.path("traceId").asString()).isNotBlank();
	}

	@Test
	void unreachableDatabaseIsServiceUnavailable() throws Exception {
		HttpResponse<String> response = send(get("/database-down"));
		assertProblem(response, 503, "service_unavailable");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
	}

	@Test
	void saneRequestIdIsEchoedAndInsaneOneReplaced() throws Exception {
		HttpResponse<String> echoed = send(
				HttpRequest.newBuilder(uri("/nope")).header("X-Request-Id", "client-42.a:b").GET().build());
		assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("client-42.a:b");
		HttpResponse<String> replaced = send(
				HttpRequest.newBuilder(uri("/nope")).header("X-Request-Id", "x".repeat(200)).GET().build());
		assertThat(replaced.headers().firstValue("X-Request-Id"))
			.get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.hasSize(36);
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("traceId").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET().build();
	}

	private HttpRequest post(String path, String contentType, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofString(body))
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, BodyHandlers.ofString());
	}

}
