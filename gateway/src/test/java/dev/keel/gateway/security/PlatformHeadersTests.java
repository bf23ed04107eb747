package dev.keel.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformHeadersTests {

	@ParameterizedTest
	@ValueSource(strings = { "X-User-Id", "x-user-id", "X-USER-ROLES", "X-Forwarded-User", "X-Keel-Tenant", "x-keel-",
			"X-Authenticated-User", "x-authenticated-roles" })
	void recognisesHeadersOnlyThePlatformMaySet(String name) {
		assertThat(PlatformHeaders.isPlatformHeader(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization", "X-Request-Id", "X-Forwarded-For", "X-User", "X-User-Ids", "X-Keel",
			"X-Authenticated", "traceparent" })
	void leavesOtherHeadersAlone(String name) {
		assertThat(PlatformHeaders.isPlatformHeader(name)).isFalse();
	}

}
