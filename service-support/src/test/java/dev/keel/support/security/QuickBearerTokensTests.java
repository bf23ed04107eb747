package dev.keel.support.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick resolver gives Spring Security's answer for every kind of header. */
class QuickBearerTokensTests {

	private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl-_~+/";

	private final QuickBearerTokens quick = new QuickBearerTokens();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Test
	void answersLikeSpringSecurityForEveryKindOfHeader() {
		List<String> headers = Arrays.asList(null, "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT,
				"Bearer " + JWT + "==", "Bearer " + JWT + "=x", "Bearer ", "Bearer", "Bearer  " + JWT,
				"Bearer " + JWT + " ", "Bearer a b", "Bearer é", "Basic dXNlcjpwYXNz", "Bearertoken", "Bearer =",
				"Bearer abc%");
		for (String header : headers) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/data/collections");
			if (header != null) {
				request.addHeader("Authorization", header);
			}
			assertThat(answer(() -> this.quick.resolve(request))).as(String.valueOf(header))
				.isEqualTo(answer(() -> this.spring.resolve(request)));
		}
	}

	@Test
	void findsTheTokenOfAWellFormedHeader() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("Authorization", "Bearer " + JWT);
		assertThat(this.quick.resolve(request)).isEqualTo(JWT);
	}

	private static String answer(Supplier<String> resolve) {
		try {
			return "token " + resolve.get();
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

}
