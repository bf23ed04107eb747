package dev.keel.gateway.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnonymousRoutesTests {

	private final AnonymousRoutes builtIn = AnonymousRoutes.withBuiltInAnd(List.of());

	@ParameterizedTest
	@CsvSource(delimiter = ' ', value = { "POST /api/auth/signup", "POST /api/auth/token", "POST /api/auth/revoke",
			"POST /api/auth/email/verify", "POST /api/auth/password/forgot", "POST /api/auth/password/reset",
			"POST /api/auth/otp", "GET /api/auth/.well-known/jwks.json", "GET /api/auth/authorize",
			"GET /api/auth/callback/google", "GET /api/auth/.well-known/openid-configuration",
			"GET /api/data/collections/news/documents", "HEAD /api/data/collections/news/documents/42",
			"GET /api/data/collections/news/count", "GET /api/notifications/stream", "GET /account/verify-email",
			"POST /account/reset-password", "HEAD /account/forgot-password", "GET /docs", "GET /docs/index.html",
			"GET /api/data/v3/api-docs", "GET /api/auth/v3/api-docs/swagger-config", "POST /fallback/data-service",
			"OPTIONS /api/data/collections/news/documents", "OPTIONS /api/auth/me",
			// data-service decides: a collection's rule may be `public`
			"POST /api/data/collections/news/documents", "PATCH /api/data/collections/news/documents/42",
			"DELETE /api/data/collections/news/documents/42",
			// Matched like the gateway's Path predicates: matrix parameters and
			// encoding
			// don't hide a route.
			"POST /api/auth/signup;lang=en", "POST /api/auth/%73ignup" })
	void opens(String method, String path) {
		assertThat(allows(this.builtIn, method, path)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ' ', value = { "GET /api/auth/me", "PATCH /api/auth/me", "POST /api/auth/logout",
			"GET /api/auth/me/identities", "POST /api/auth/me/identities", "DELETE /api/auth/me/identities/google",
			"POST /api/auth/authorize", "GET /api/auth/callback/google/x", "POST /api/auth/email/resend",
			"GET /api/auth/signup", "GET /api/auth/admin/users", "PUT /api/data/collections/news",
			"DELETE /api/data/collections/news", "POST /api/data/collections/news/documents/42/x",
			"GET /api/notifications", "POST /api/notifications/stream", "POST /api/notifications/stream-ticket",
			"GET /api/notifications/streams", "DELETE /account/verify-email", "POST /docs", "GET /api/nope", "GET /",
			// Services normalise dot segments: these would reach closed routes.
			"POST /api/auth/signup/../me", "GET /api/auth/.well-known/../me", "GET /api/auth/.well-known/%2e%2e/me",
			"GET /api/data/./x", "POST /api/auth/SIGNUP", "POST /api/auth/signup/", "POST /api/auth/signupx" })
	void keepsClosed(String method, String path) {
		assertThat(allows(this.builtIn, method, path)).isFalse();
	}

	@Test
	void opensConfiguredRoutesToo() {
		AnonymousRoutes routes = AnonymousRoutes
			.withBuiltInAnd(List.of("POST,put /api/notifications/guestbook/**", "* /status"));
		assertThat(allows(routes, "POST", "/api/notifications/guestbook")).isTrue();
		assertThat(allows(routes, "PUT", "/api/notifications/guestbook/1")).isTrue();
		assertThat(allows(routes, "DELETE", "/api/notifications/guestbook/1")).isFalse();
		assertThat(allows(routes, "POST", "/api/notifications/news")).isFalse();
		assertThat(allows(routes, "DELETE", "/status")).isTrue();
		assertThat(allows(routes, "POST", "/api/auth/signup")).isTrue();
	}

	@Test
	void refusesRulesItCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> AnonymousRoutes.withBuiltInAnd(List.of("/api/data/**")))
			.withMessageContaining("METHOD /path/pattern");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AnonymousRoutes.withBuiltInAnd(List.of("GET api/data/**")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AnonymousRoutes.withBuiltInAnd(List.of("GET /api/**/data/{x")));
	}

	private static boolean allows(AnonymousRoutes routes, String method, String path) {
		return routes.allow(HttpMethod.valueOf(method), RequestPath.parse(path, null).pathWithinApplication());
	}

}
