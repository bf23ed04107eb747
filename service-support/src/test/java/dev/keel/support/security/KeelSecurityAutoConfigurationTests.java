package dev.keel.support.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import dev.keel.testing.TestTokens;
import dev.keel.support.web.KeelWebAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Where the auto-configuration takes its keys from, and when it steps aside. */
class KeelSecurityAutoConfigurationTests {

	static final TestTokens tokens = TestTokens.create();

	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KeelWebAutoConfiguration.class, KeelSecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class));

	@Test
	void verifiesWithTheApplicationsOwnKeySourceInsteadOfTheRemoteKeySet() {
		this.contexts.withUserConfiguration(OwnKeySource.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class);
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			Jwt jwt = decoder.decode(tokens.token("user-1", "admin"));
			assertThat(jwt.getSubject()).isEqualTo("user-1");
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> decoder.decode(tokens.forged(tokens.claims("user-1").build())));
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> decoder.decode(tokens.sign(tokens.claims("user-1").audience("other").build())));
		});
	}

	@Test
	void keepsTheApplicationsOwnDecoder() {
		this.contexts.withUserConfiguration(OwnDecoder.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class);
			assertThat(context.getBean(JwtDecoder.class)).isSameAs(context.getBean(OwnDecoder.class).decoder);
		});
	}

	@Test
	void loadBalancedKeySetWithoutLoadBalancerFailsAtStartup() {
		this.contexts.withPropertyValues("keel.security.load-balanced=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("keel.security.load-balanced"));
	}

	@Test
	void fixedKeySetUrlIsTheDefaultAndNeedsNoLoadBalancer() {
		this.contexts.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnKeySource {

		@Bean
		JWKSource<SecurityContext> keys() {
			return new ImmutableJWKSet<>(new JWKSet(tokens.signingKey()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		final JwtDecoder decoder = (token) -> {
			throw new BadJwtException("never");
		};

		@Bean
		JwtDecoder decoder() {
			return this.decoder;
		}

	}

}
