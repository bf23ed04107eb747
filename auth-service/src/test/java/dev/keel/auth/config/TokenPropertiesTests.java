package dev.keel.auth.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenPropertiesTests {

	@Test
	void defaultsFollowTheApiContract() {
		TokenProperties properties = bind(Map.of());

		assertThat(properties.issuer()).isEqualTo("http://localhost:8080/api/auth");
		assertThat(properties.tokens().accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
		assertThat(properties.tokens().refreshTokenLifetime()).isEqualTo(Duration.ofDays(30));
		assertThat(properties.tokens().refreshTokenIdleLifetime()).isNull();
		assertThat(properties.tokens().graceWindow()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void refusesAccessTokensLivingLongerThanFifteenMinutes() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("keel.auth.tokens.access-token-lifetime", "16m")))
			.havingRootCause()
			.withMessageContaining("at most 15 minutes");
	}

	@Test
	void dropsATrailingSlashFromTheIssuer() {
		assertThat(bind(Map.of("keel.auth.issuer", "https://api.example.com/api/auth/")).issuer())
			.isEqualTo("https://api.example.com/api/auth");
	}

	private static TokenProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("keel.auth",
				TokenProperties.class);
	}

}
