package dev.keel.auth.provider;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The GitHub preset's settings, as auth-service reads them at start-up. */
class GitHubSettingsTests {

	@Test
	void defaultsToGitHubComWithTheProfileAndEmailScopes() {
		GitHubSettings github = read(gitHub());

		assertThat(github.authorizationUrl()).isEqualTo("https://github.com/login/oauth/authorize");
		assertThat(github.tokenUrl()).isEqualTo("https://github.com/login/oauth/access_token");
		assertThat(github.apiUrl()).isEqualTo("https://api.github.com");
		assertThat(github.scopes()).containsExactly("read:user", "user:email");
	}

	@Test
	void takesGitHubEnterpriseEndpoints() {
		GitHubSettings github = read(gitHub()
			.withProperty("KEEL_AUTH_PROVIDER_GITHUB_AUTHORIZATION_URL",
					"https://ghe.example.com/login/oauth/authorize")
			.withProperty("KEEL_AUTH_PROVIDER_GITHUB_TOKEN_URL", "https://ghe.example.com/login/oauth/access_token")
			.withProperty("KEEL_AUTH_PROVIDER_GITHUB_API_URL", "https://ghe.example.com/api/v3/"));

		assertThat(github.apiUrl()).isEqualTo("https://ghe.example.com/api/v3");
		assertThat(github.tokenUrl()).isEqualTo("https://ghe.example.com/login/oauth/access_token");
	}

	@Test
	void refusesToStartWithoutTheClientSecret() {
		MockEnvironment environment = new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_GITHUB_TYPE", "github")
			.withProperty("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_ID", "Iv1.keel");

		assertThatIllegalStateException().isThrownBy(() -> read(environment))
			.withMessageContaining("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_SECRET");
	}

	@Test
	void refusesPlainHttpExceptToALoopbackAddress() {
		assertThatIllegalStateException()
			.isThrownBy(() -> read(gitHub().withProperty("KEEL_AUTH_PROVIDER_GITHUB_TOKEN_URL",
					"http://ghe.example.com/login/oauth/access_token")))
			.withMessageContaining("KEEL_AUTH_PROVIDER_GITHUB_TOKEN_URL")
			.withMessageContaining("https");
		assertThatIllegalStateException()
			.isThrownBy(() -> read(gitHub().withProperty("KEEL_AUTH_PROVIDER_GITHUB_API_URL", "ftp://127.0.0.1/")))
			.withMessageContaining("KEEL_AUTH_PROVIDER_GITHUB_API_URL");
		assertThat(read(gitHub().withProperty("KEEL_AUTH_PROVIDER_GITHUB_API_URL", "http://127.0.0.1:9/")).apiUrl())
			.isEqualTo("http://127.0.0.1:9");
		assertThat(read(gitHub().withProperty("KEEL_AUTH_PROVIDER_GITHUB_API_URL", "http://localhost:9")).apiUrl())
			.isEqualTo("http://localhost:9");
	}

	private static MockEnvironment gitHub() {
		return new MockEnvironment().withProperty("KEEL_AUTH_PROVIDER_GITHUB_TYPE", "github")
			.withProperty("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_ID", "Iv1.keel")
			.withProperty("KEEL_AUTH_PROVIDER_GITHUB_CLIENT_SECRET", "secret");
	}

	private static GitHubSettings read(MockEnvironment environment) {
		return GitHubSettings.read(ProviderSettings.read("github", environment), environment);
	}

}
