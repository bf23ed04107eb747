package dev.keel.gateway.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class MethodIntegrationTests extends GatewayTestSupport {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "CONNECT", "TRACE", "PROPFIND", "FOO" })
	void methodsNoApiUsesAre405ProblemsAtTheEdge(String method) throws IOException {
		String response = send(method + " /api/data/things HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 405");
		assertThat(response).containsIgnoringCase("content-type: application/problem+json");
		assertThat(response).containsIgnoringCase("allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
		assertThat(response).contains("\"code\":\"method_not_allowed\"");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
