package dev.keel.gateway.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.gateway.Backend.Echo;
import dev.keel.gateway.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Query strings reach the service exactly as the client wrote them. */
class RawQueryIntegrationTests extends GatewayTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int gatewayPort;

	@ParameterizedTest
	@ValueSource(strings = { "filter=done==true%3Bpriority=ge=3", "filter=done==true%20and%20priority=ge=3",
			"filter=title==%22open", "filter=a%3D%3D1%3Bb%3Dge%3D3&limit=5", "q=caf%C3%A9&x=%2B1" })
	void forwardsTheQueryUnchanged(String query) throws Exception {
		Echo echo = get("/api/data/collections/tasks/documents?" + query);
		assertThat(echo.rawQuery()).isEqualTo(query);
	}

	@Test
	void leavesRequestsWithoutAQueryAlone() throws Exception {
		assertThat(get("/api/data/collections/tasks/documents").rawQuery()).isNull();
	}

	private Echo get(String pathAndQuery) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.gatewayPort + pathAndQuery))
			.build();
		String body = this.http.send(request, BodyHandlers.ofString()).body();
		return JsonMapper.builder().build().readValue(body, Echo.class);
	}

}
