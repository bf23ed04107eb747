package dev.keel.auth.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.keel.auth.token.BasicAuthorization.Credentials;

import static org.assertj.core.api.Assertions.assertThat;

class BasicAuthorizationTests {

	@Test
	void decodesFormEncodedIdAndSecret() {
		String header = basic("svc%3Aone:s%2Bcret%3Awith%20colon");

		assertThat(BasicAuthorization.parse(header)).isEqualTo(new Credentials("svc:one", "s+cret:with colon"));
	}

	@Test
	void anotherSchemeIsNoClientAuthentication() {
		assertThat(BasicAuthorization.parse("Bearer abc")).isInstanceOf(BasicAuthorization.None.class);
		assertThat(BasicAuthorization.parse(null)).isInstanceOf(BasicAuthorization.None.class);
	}

	@Test
	void undecodableCredentialsAreMalformed() {
		assertThat(BasicAuthorization.parse("Basic !!!")).isInstanceOf(BasicAuthorization.Malformed.class);
		assertThat(BasicAuthorization.parse(basic("no-colon"))).isInstanceOf(BasicAuthorization.Malformed.class);
		assertThat(BasicAuthorization.parse(basic("id:%zz"))).isInstanceOf(BasicAuthorization.Malformed.class);
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

}
