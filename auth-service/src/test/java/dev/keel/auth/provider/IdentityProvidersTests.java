package dev.keel.auth.provider;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The operator's provider settings, as auth-service reads them at start-up. */
class IdentityProvidersTests {

	@Test
	void startsWithAProviderThatIsDownAndSaysSoAtItsFirstUse() {
		MockEnvironment environment = new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_ACME_TYPE", "oidc")
			.withProperty("KEEL_AUTH_PROVIDER_ACME_ISSUER", "http://127.0.0.1:9/acme")
			.withProperty("KEEL_AUTH_PROVIDER_ACME_CLIENT_ID", "keel");

		IdentityProvider acme = providers(environment, "acme").find("acme").orElseThrow();

		ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
				() -> acme.authorizationUri(FlowSecrets.random()));
		assertThat(failure.code()).isEqualTo("provider_unavailable");
	}

	@Test
	void googleIsAnOpenIdConnectPresetWithItsIssuer() {
		MockEnvironment environment = new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_GOOGLE_TYPE", "google")
			.withProperty("KEEL_AUTH_PROVIDER_GOOGLE_CLIENT_ID", "123.apps.googleusercontent.com")
			.withProperty("KEEL_AUTH_PROVIDER_GOOGLE_AUDIENCES", "456.apps.googleusercontent.com");

		ProviderSettings google = ProviderSettings.read("google", environment);

		assertThat(google.issuer()).isEqualTo("https://accounts.google.com");
		assertThat(google.scopes()).containsExactly("openid", "email", "profile");
		assertThat(google.acceptedAudiences()).containsExactly("123.apps.googleusercontent.com",
				"456.apps.googleusercontent.com");
	}

	@Test
	void refusesToStartWithAnUnknownTypeAndSaysWhatToSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_ACME_TYPE", "saml")
			.withProperty("KEEL_AUTH_PROVIDER_ACME_CLIENT_ID", "keel");

		assertThatIllegalStateException().isThrownBy(() -> providers(environment, "acme"))
			.withMessageContaining("KEEL_AUTH_PROVIDER_ACME_TYPE")
			.withMessageContaining("supported: oidc, google");
	}

	@Test
	void refusesToStartWithoutAClientIdOrAnIssuer() {
		MockEnvironment noClient = new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_ACME_TYPE", "oidc")
			.withProperty("KEEL_AUTH_PROVIDER_ACME_ISSUER", "https://sso.example.com");
		MockEnvironment noIssuer = new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_ACME_TYPE", "oidc")
			.withProperty("KEEL_AUTH_PROVIDER_ACME_CLIENT_ID", "keel");

		assertThatIllegalStateException().isThrownBy(() -> providers(noClient, "acme"))
			.withMessageContaining("KEEL_AUTH_PROVIDER_ACME_CLIENT_ID");
		assertThatIllegalStateException().isThrownBy(() -> providers(noIssuer, "acme"))
			.withMessageContaining("KEEL_AUTH_PROVIDER_ACME_ISSUER");
		assertThatIllegalStateException().isThrownBy(() -> providers(new MockEnvironment(), "Not An Id"))
			.withMessageContaining("KEEL_AUTH_PROVIDERS");
	}

	@Test
	void refusesAPlainHttpIssuerUnlessItIsOnThisMachine() {
		MockEnvironment remote = new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_ACME_TYPE", "oidc")
			.withProperty("KEEL_AUTH_PROVIDER_ACME_ISSUER", "http://sso.acme.example")
			.withProperty("KEEL_AUTH_PROVIDER_ACME_CLIENT_ID", "keel");

		assertThatIllegalStateException().isThrownBy(() -> providers(remote, "acme"))
			.withMessageContaining("KEEL_AUTH_PROVIDER_ACME_ISSUER")
			.withMessageContaining("must use https");
		assertThat(ProviderSettings
			.read("acme", remote.withProperty("KEEL_AUTH_PROVIDER_ACME_ISSUER", "http://localhost:8090/acme"))
			.issuer()).isEqualTo("http://localhost:8090/acme");
	}

	private static IdentityProviders providers(MockEnvironment environment, String... ids) {
		return new IdentityProviders(new ProviderProperties(List.of(ids), "http://localhost:8080",
				Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(60)), environment);
	}

}
