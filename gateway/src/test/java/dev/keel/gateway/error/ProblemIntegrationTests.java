package dev.keel.gateway.error;

import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProblemIntegrationTests extends GatewayTestSupport {

	@Test
	void unknownPathAnswersNotFoundProblem() {
		this.client.get()
			.uri("/api/nope")
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches("X-Request-Id", UUID_PATTERN)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("about:blank")
			.jsonPath("$.title")
			.isEqualTo("Not Found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isNotEmpty()
			.jsonPath("$.instance")
			.isEqualTo("/api/nope")
			.jsonPath("$.code")
			.isEqualTo("not_found")
			.jsonPath("$.traceId")
			.value(String.class, (traceId) -> assertThat(traceId).matches(TRACE_ID_PATTERN));
	}

	@Test
	void serviceWithoutInstancesAnswersServiceUnavailableProblem(CapturedOutput output) {
		String traceId = expectServiceUnavailable("/api/notifications", "notification-service");
		assertThat(output.getOut().lines().filter((line) -> line.contains("\"traceId\":\"" + traceId + "\"")))
			.as("a JSON log line carrying the trace id")
			.anySatisfy((line) -> assertThat(line).startsWith("{").contains("\"level\":\"WARN\""));
	}

	@Test
	void streamWithoutInstancesAnswersServiceUnavailableProblem() {
		expectServiceUnavailable("/api/notifications/stream", "notification-service");
	}

	@Test
	void instanceRefusingConnectionsAnswersServiceUnavailableProblem() {
		expectServiceUnavailable("/api/auth/me", "auth-service");
	}

	@Test
	void fallbackIsNotReachableDirectly() {
		this.client.get()
			.uri("/fallback/data-service")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("not_found");
	}

	private String expectServiceUnavailable(String path, String service) {
		return this.client.get()
			.uri(path)
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody(ProblemBody.class)
			.value((problem) -> {
				assertThat(problem.status()).isEqualTo(503);
				assertThat(problem.title()).isEqualTo("Service Unavailable");
				assertThat(problem.code()).isEqualTo("service_unavailable");
				assertThat(problem.instance()).isEqualTo(path);
				assertThat(problem.detail()).contains(service);
				assertThat(problem.traceId()).matches(TRACE_ID_PATTERN);
			})
			.returnResult()
			.getResponseBody()
			.traceId();
	}

	record ProblemBody(String type, String title, int status, String detail, String instance, String code,
			String traceId) {
	}

}
