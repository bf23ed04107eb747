package dev.keel.gateway.edge;

import java.util.List;

import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersIntegrationTests extends GatewayTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "/api/data/things", "/api/data/unavailable", "/api/nope", "/api/notifications" })
	void everyApiAnswerCarriesTheSecurityHeaders(String path) {
		HttpHeaders headers = this.client.get().uri(path).exchange().returnResult(byte[].class).getResponseHeaders();
		assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
		assertThat(headers.get("Referrer-Policy")).containsExactly("no-referrer");
		assertThat(headers.get("Cross-Origin-Resource-Policy")).containsExactly("same-site");
		assertThat(headers.get("Content-Security-Policy"))
			.containsExactly("default-src 'none'; frame-ancestors 'none'");
		assertThat(headers.containsHeader("Strict-Transport-Security")).as("HSTS over plain HTTP").isFalse();
	}

	@Test
	void headersAServiceSetAreKept() {
		HttpHeaders headers = this.client.get()
			.uri("/api/data/with-own-headers")
			.exchange()
			.returnResult(byte[].class)
			.getResponseHeaders();
		assertThat(headers.get("Content-Security-Policy")).containsExactly("sandbox");
		assertThat(headers.get("X-Frame-Options")).containsExactly("SAMEORIGIN");
		assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/docs", "/docs/index.html" })
	void docsPagesAreLeftWithoutTheApiContentSecurityPolicy(String path) {
		HttpHeaders headers = this.client.get().uri(path).exchange().returnResult(byte[].class).getResponseHeaders();
		assertThat(headers.getOrEmpty("Content-Security-Policy"))
			.doesNotContain(SecurityHeadersFilter.API_CONTENT_SECURITY_POLICY);
		assertThat(headers.get("X-Content-Type-Options")).isEqualTo(List.of("nosniff"));
	}

}
