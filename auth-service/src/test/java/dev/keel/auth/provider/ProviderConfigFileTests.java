package dev.keel.auth.provider;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Providers configured in a file the operator imports with Spring Boot's
 * {@code SPRING_CONFIG_IMPORT}, the secret still coming from the environment through a
 * placeholder (docs/auth.md#sign-in-with-a-provider).
 */
class ProviderConfigFileTests {

	@Test
	void aProvidersFileImportedAtStartConfiguresProvidersWithSecretsFromTheEnvironment(@TempDir Path folder)
			throws Exception {
		Path file = folder.resolve("auth-providers.properties");
		Files.writeString(file, """
				KEEL_AUTH_PROVIDERS=acme
				KEEL_AUTH_PROVIDER_ACME_TYPE=oidc
				KEEL_AUTH_PROVIDER_ACME_ISSUER=https://sso.example.com
				KEEL_AUTH_PROVIDER_ACME_CLIENT_ID=keel
				KEEL_AUTH_PROVIDER_ACME_CLIENT_SECRET=${ACME_CLIENT_SECRET}
				""");

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Providers.class)
			.web(WebApplicationType.NONE)
			.properties("spring.config.import=file:" + file, "ACME_CLIENT_SECRET=from-the-environment",
					"keel.auth.providers.enabled=${KEEL_AUTH_PROVIDERS:}")
			.run()) {
			IdentityProviders providers = context.getBean(IdentityProviders.class);

			assertThat(providers.ids()).containsExactly("acme");
			ProviderSettings acme = ProviderSettings.read("acme", context.getEnvironment());
			assertThat(acme.issuer()).isEqualTo("https://sso.example.com");
			assertThat(acme.clientSecret()).isEqualTo("from-the-environment");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ProviderProperties.class)
	static class Providers {

		@Bean
		IdentityProviders identityProviders(ProviderProperties properties, Environment environment) {
			return new IdentityProviders(properties, environment);
		}

	}

}
