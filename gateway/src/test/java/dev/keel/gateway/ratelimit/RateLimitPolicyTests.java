package dev.keel.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitPolicyTests {

	private final RateLimitPolicy policy = new RateLimitPolicy(new RateLimitSettings(true, Limit.of("20/1m"),
			Limit.of("600/1m"), Limit.of("300/1m"), 1000, new RateLimitSettings.Redis("", null, null)));

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/signup", "/api/auth/token", "/api/auth/password/forgot", "/api/auth/otp",
			"/account/forgot-password", "/api/auth//token/", "/api/auth/token;jsessionid=1", "/api/auth/%74oken" })
	void anonymousAuthEndpointsCountPerClientIp(String path) {
		Quota quota = this.policy.quotaFor(exchange(HttpMethod.POST, path, "203.0.113.7", null));
		assertThat(quota.key()).isEqualTo("auth:203.0.113.7");
		assertThat(quota.limit()).hasToString("20/1m");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/authorize", "/api/auth/callback/google", "/api/auth//callback/acme/",
			"/api/auth/%61uthorize" })
	void providerSignInStepsCountPerClientIp(String path) {
		Quota quota = this.policy.quotaFor(exchange(HttpMethod.GET, path, "203.0.113.7", null));
		assertThat(quota.key()).isEqualTo("auth:203.0.113.7");
		assertThat(quota.limit()).hasToString("20/1m");
	}

	@Test
	void authEndpointsCountPerClientIpEvenWithAToken() {
		Quota quota = this.policy.quotaFor(exchange(HttpMethod.POST, "/api/auth/token", "203.0.113.7", "user-1"));
		assertThat(quota.key()).isEqualTo("auth:203.0.113.7");
	}

	@Test
	void authenticatedRequestsCountPerSubject() {
		Quota quota = this.policy.quotaFor(exchange(HttpMethod.GET, "/api/data/tasks", "203.0.113.7", "user-1"));
		assertThat(quota.key()).isEqualTo("user:user-1");
		assertThat(quota.limit()).hasToString("600/1m");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/auth/token", "POST /api/auth/revoke", "GET /api/data/tasks",
			"GET /api/notifications/stream", "GET /account/forgot-password", "GET /api/auth/me/identities",
			"GET /api/auth/callbacks" })
	void otherAnonymousRequestsCountPerClientIp(String request) {
		String[] parts = request.split(" ");
		Quota quota = this.policy.quotaFor(exchange(HttpMethod.valueOf(parts[0]), parts[1], "2001:db8::1", null));
		assertThat(quota.key()).isEqualTo("anonymous:2001:db8::/64");
		assertThat(quota.limit()).hasToString("300/1m");
	}

	@Test
	void ipv6ClientsOfOneSlash64ShareTheirBuckets() {
		Quota first = this.policy.quotaFor(exchange(HttpMethod.POST, "/api/auth/token", "2001:db8:1:2::1", null));
		Quota rotated = this.policy
			.quotaFor(exchange(HttpMethod.POST, "/api/auth/token", "2001:db8:1:2:a1b2:c3d4:e5f6:789", null));
		Quota neighbour = this.policy.quotaFor(exchange(HttpMethod.POST, "/api/auth/token", "2001:db8:1:3::1", null));

		assertThat(rotated.key()).isEqualTo(first.key()).isEqualTo("auth:2001:db8:1:2::/64");
		assertThat(neighbour.key()).isEqualTo("auth:2001:db8:1:3::/64");
	}

	@Test
	void forwardedForIsNotTrusted() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/auth/token")
			.remoteAddress(new InetSocketAddress("203.0.113.7", 40000))
			.header("X-Forwarded-For", "198.51.100.1"));
		assertThat(this.policy.quotaFor(exchange).key()).isEqualTo("auth:203.0.113.7");
	}

	private static MockServerWebExchange exchange(HttpMethod method, String path, String ip, String subject) {
		MockServerWebExchange exchange = MockServerWebExchange.from(
				MockServerHttpRequest.method(method, URI.create(path)).remoteAddress(new InetSocketAddress(ip, 40000)));
		if (subject != null) {
			exchange.getAttributes().put("keel.subject", subject);
		}
		return exchange;
	}

}
