package dev.keel.auth.user;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.testing.EmbeddedInfrastructure;

import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;

/** With the default settings, the anonymous grant creates no one. */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"eureka.client.enabled=false", "keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY })
class AnonymousSignupsSwitchedOffIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anonymousGrantIsRefusedAsUnsupportedByDefault() {
		HttpResponse<String> response = new AuthApi(this.port).postForm("/api/auth/token",
				form("grant_type", "urn:keel:anonymous"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).path("error").asString()).isEqualTo("unsupported_grant_type");
		assertThat(body(response).path("error_description").asString()).contains("switched off");
		assertThat(body(response).has("access_token")).isFalse();
	}

}
