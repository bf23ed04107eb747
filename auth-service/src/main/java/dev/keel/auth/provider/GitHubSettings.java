package dev.keel.auth.provider;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.PropertyResolver;

/**
 * A GitHub provider's own settings, beside the common ones of {@link ProviderSettings}:
 * {@code KEEL_AUTH_PROVIDER_<ID>_{SCOPES,AUTHORIZATION_URL,TOKEN_URL,API_URL}}, for
 * GitHub Enterprise Server or a stand-in. The URLs must be http(s), and https unless the
 * host is a loopback address: the client secret and the user's access token travel to
 * them.
 *
 * @param common the settings every provider has (the client secret is required here)
 * @param scopes the scopes asked for
 * @param authorizationUrl where the browser signs in
 * @param tokenUrl where the code is exchanged for an access token
 * @param apiUrl the REST API's root, for {@code /user} and {@code /user/emails}
 */
record GitHubSettings(ProviderSettings common, List<String> scopes, String authorizationUrl, String tokenUrl,
		String apiUrl) {

	static final String AUTHORIZATION_URL = "https://github.com/login/oauth/authorize";

	static final String TOKEN_URL = "https://github.com/login/oauth/access_token";

	static final String API_URL = "https://api.github.com";

	private static final String SCOPES = "read:user user:email";

	/**
	 * @throws IllegalStateException saying what to set when the settings cannot work
	 */
	static GitHubSettings read(ProviderSettings common, PropertyResolver environment) {
		String prefix = "KEEL_AUTH_PROVIDER_" + common.id().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
		if (common.clientSecret() == null) {
			throw invalid(prefix + "CLIENT_SECRET",
					"GitHub provider '" + common.id() + "' needs the client secret of its OAuth app");
		}
		String scopes = value(environment, prefix + "SCOPES", SCOPES);
		return new GitHubSettings(common,
				Arrays.stream(scopes.split("[,\\s]+")).filter((scope) -> !scope.isEmpty()).toList(),
				ProviderSettings.url(prefix + "AUTHORIZATION_URL",
						value(environment, prefix + "AUTHORIZATION_URL", AUTHORIZATION_URL)),
				ProviderSettings.url(prefix + "TOKEN_URL", value(environment, prefix + "TOKEN_URL", TOKEN_URL)),
				stripSlash(ProviderSettings.url(prefix + "API_URL", value(environment, prefix + "API_URL", API_URL))));
	}

	String id() {
		return this.common.id();
	}

	private static String value(PropertyResolver environment, String name, String fallback) {
		String value = environment.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static IllegalStateException invalid(String name, String problem) {
		return new IllegalStateException(
				"Identity provider settings: " + name + ": " + problem + " (docs/auth.md#sign-in-with-github).");
	}

}
