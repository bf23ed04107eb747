package dev.keel.gateway.edge;

import java.time.Duration;
import java.util.List;

import dev.keel.gateway.edge.CrossOriginPolicy.Preflight;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class CrossOriginPolicyTests {

	private final CrossOriginPolicy policy = policy("https://app.example.com", "https://*.preview.example.com");

	@Test
	void listedOriginsAndPatternsAreAllowedAsSent() {
		assertThat(this.policy.allowedOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
		assertThat(this.policy.allowedOrigin("https://pr-7.preview.example.com"))
			.isEqualTo("https://pr-7.preview.example.com");
	}

	@Test
	void otherOriginsAreNot() {
		assertThat(this.policy.allowedOrigin("https://app.example.com.evil.example")).isNull();
		assertThat(this.policy.allowedOrigin("http://app.example.com")).isNull();
		assertThat(this.policy.allowedOrigin("null")).isNull();
		assertThat(this.policy.allowedOrigin("")).isNull();
		assertThat(this.policy.allowedOrigin(null)).isNull();
	}

	@Test
	void emptyListAllowsNoOrigin() {
		assertThat(policy().allowedOrigin("http://localhost:3000")).isNull();
	}

	@Test
	void wildcardAllowsEveryOrigin() {
		assertThat(policy("*").allowedOrigin("https://anyone.example")).isEqualTo("https://anyone.example");
	}

	@Test
	void preflightForTheApisMethodsAndHeadersIsAllowed() {
		Preflight answer = this.policy.preflight("https://app.example.com", HttpMethod.PATCH,
				List.of("Authorization", "If-Match", "Idempotency-Key"));
		assertThat(answer).isInstanceOfSatisfying(Preflight.Allowed.class, (allowed) -> {
			assertThat(allowed.origin()).isEqualTo("https://app.example.com");
			assertThat(allowed.methods()).contains(HttpMethod.PATCH, HttpMethod.DELETE);
			assertThat(allowed.headers()).containsExactly("Authorization", "If-Match", "Idempotency-Key");
		});
	}

	@Test
	void preflightIsRefusedForAnOtherOrigin() {
		assertThat(this.policy.preflight("https://evil.example", HttpMethod.GET, List.of()))
			.isInstanceOf(Preflight.Refused.class);
	}

	@Test
	void preflightIsRefusedForAnOtherMethod() {
		assertThat(this.policy.preflight("https://app.example.com", HttpMethod.TRACE, List.of()))
			.isInstanceOf(Preflight.Refused.class);
		assertThat(this.policy.preflight("https://app.example.com", null, List.of()))
			.isInstanceOf(Preflight.Refused.class);
	}

	@Test
	void preflightIsRefusedWhenAnyRequestedHeaderIsNotListed() {
		assertThat(
				this.policy.preflight("https://app.example.com", HttpMethod.GET, List.of("Authorization", "X-User-Id")))
			.isInstanceOf(Preflight.Refused.class);
	}

	@Test
	void preflightsAreCachedForTheConfiguredTime() {
		assertThat(this.policy.maxAge()).isEqualTo(600);
	}

	private static CrossOriginPolicy policy(String... origins) {
		return new CrossOriginPolicy(new EdgeSettings.Cors(List.of(origins), Duration.ofMinutes(10)));
	}

}
