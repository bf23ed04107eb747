package dev.keel.gateway.edge;

import java.util.UUID;

import dev.keel.gateway.AccessLogLines;
import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/*
 * A context of its own: Boot sets up logging when a context starts, and only a console
 * appender created while the output is being captured writes where the test can read it.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "keel.test.context=access-log")
class AccessLogIntegrationTests extends GatewayTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void routedRequestIsLoggedWithoutItsSecrets(CapturedOutput output) {
		String token = tokens.bearer("user-1").substring("Bearer ".length());
		String requestId = UUID.randomUUID().toString();
		this.client.get()
			.uri("/api/data/things?limit=5&ticket=tkt-s3cr3t&Token=link-s3cr3t")
			.header("Authorization", "Bearer " + token)
			.header("Cookie", "session=cookie-s3cr3t")
			.header("User-Agent", "keel-tests/1.0")
			.header("X-Request-Id", requestId)
			// No trusted proxies here: anyone can write this header.
			.header("X-Forwarded-For", "198.51.100.1")
			.exchange()
			.expectStatus()
			.isOk();
		String line = AccessLogLines.single(output, requestId);
		assertThat(line).doesNotContain(token, "tkt-s3cr3t", "link-s3cr3t", "cookie-s3cr3t");
		JsonNode entry = json.readTree(line);
		assertThat(entry.at("/log/logger").asString()).isEqualTo("keel.access");
		assertThat(entry.at("/http/request/method").asString()).isEqualTo("GET");
		assertThat(entry.at("/url/path").asString()).isEqualTo("/api/data/things");
		assertThat(entry.at("/url/query").asString()).isEqualTo("limit=5&ticket=***&Token=***");
		assertThat(entry.at("/http/response/status_code").asInt()).isEqualTo(200);
		assertThat(entry.at("/http/response/body/bytes").asLong()).isPositive();
		assertThat(entry.at("/duration_ms").isNumber()).isTrue();
		assertThat(entry.at("/client/ip").asString()).isEqualTo("127.0.0.1");
		assertThat(entry.at("/user_agent/original").asString()).isEqualTo("keel-tests/1.0");
		assertThat(entry.at("/keel/route").asString()).isEqualTo("data-service");
		assertThat(entry.at("/keel/service").asString()).isEqualTo("data-service");
		assertThat(entry.at("/traceId").asString()).matches(TRACE_ID_PATTERN);
	}

	@Test
	void errorAnswersAreLoggedWithTheirStatus(CapturedOutput output) {
		String requestId = UUID.randomUUID().toString();
		this.client.get()
			.uri("/api/nope")
			.headers(tokens::authorize)
			.header("X-Request-Id", requestId)
			.exchange()
			.expectStatus()
			.isNotFound();
		JsonNode entry = json.readTree(AccessLogLines.single(output, requestId));
		assertThat(entry.at("/http/response/status_code").asInt()).isEqualTo(404);
		assertThat(entry.at("/http/response/body/bytes").asLong()).isPositive();
		assertThat(entry.at("/traceId").asString()).matches(TRACE_ID_PATTERN);
	}

	@Test
	void refusedRequestsAreLoggedToo(CapturedOutput output) {
		String requestId = UUID.randomUUID().toString();
		this.client.post()
			.uri("/api/data/things")
			.headers(tokens::authorize)
			.header("X-Request-Id", requestId)
			.bodyValue(new byte[2 * 1024 * 1024])
			.exchange()
			.expectStatus()
			.isEqualTo(413);
		JsonNode entry = json.readTree(AccessLogLines.single(output, requestId));
		assertThat(entry.at("/http/request/method").asString()).isEqualTo("POST");
		assertThat(entry.at("/http/response/status_code").asInt()).isEqualTo(413);
	}

}
