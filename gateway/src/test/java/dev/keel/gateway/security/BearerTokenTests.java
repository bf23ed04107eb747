package dev.keel.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.keel.gateway.security.BearerToken.Absent;
import dev.keel.gateway.security.BearerToken.Malformed;
import dev.keel.gateway.security.BearerToken.Present;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenTests {

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc.def.ghi", "bearer abc.def.ghi", "BEARER  abc.def.ghi" })
	void readsTheBearerScheme(String authorization) {
		assertThat(BearerToken.of(authorization)).isEqualTo(new Present("abc.def.ghi"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic dXNlcjpzZWNyZXQ=", "Bearerabc.def.ghi", "Token abc", "" })
	void treatsOtherSchemesAsNoToken(String authorization) {
		assertThat(BearerToken.of(authorization)).isSameAs(Absent.INSTANCE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "Bearer ", "Bearer a b", "Bearer a\"b", "Bearer ä.b.c", "Bearer ==",
			"Bearer a=b", "Bearer a,b" })
	void refusesBearerWithoutAToken(String authorization) {
		assertThat(BearerToken.of(authorization)).isSameAs(Malformed.INSTANCE);
	}

	@Test
	void keepsPaddingAtTheEnd() {
		assertThat(BearerToken.of("Bearer a-b_c~d+e/f.g==")).isEqualTo(new Present("a-b_c~d+e/f.g=="));
	}

	@Test
	void noHeaderIsNoToken() {
		assertThat(BearerToken.of(new HttpHeaders())).isSameAs(Absent.INSTANCE);
	}

	@Test
	void refusesToChooseBetweenSeveralAuthorizationHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpzZWNyZXQ=");
		headers.add(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi");
		assertThat(BearerToken.of(headers)).isSameAs(Malformed.INSTANCE);
	}

}
