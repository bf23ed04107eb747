package dev.keel.auth.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The providers the operator enabled ({@code KEEL_AUTH_PROVIDERS}), checked when
 * auth-service starts: a provider whose settings are incomplete or wrong stops the start
 * with a message saying what to set. Nothing is fetched from the providers at start-up.
 */
@Component
class IdentityProviders {

	private final Map<String, IdentityProvider> providers = new LinkedHashMap<>();

	IdentityProviders(ProviderProperties properties, Environment environment) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.timeout());
		requests.setReadTimeout(properties.timeout());
		RestClient discovery = RestClient.builder().requestFactory(requests).build();
		RestTemplate keys = new RestTemplate(requests);
		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(RestClient.builder().requestFactory(requests).messageConverters((converters) -> {
			converters.clear();
			converters.add(new FormHttpMessageConverter());
			converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
		}).defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
		for (String id : properties.enabled()) {
			if (this.providers.containsKey(id)) {
				throw new IllegalStateException("KEEL_AUTH_PROVIDERS names provider '" + id + "' twice.");
			}
			ProviderSettings settings = ProviderSettings.read(id, environment);
			String callback = properties.callbackUrl(id);
			this.providers.put(id, switch (settings.type()) {
				case ProviderSettings.GITHUB ->
					new GitHubProvider(GitHubSettings.read(settings, environment), callback, tokens, discovery);
				default -> new OidcProvider(settings, callback,
						new OidcDiscovery(settings, callback, discovery, keys, properties), tokens);
			});
		}
	}

	Optional<IdentityProvider> find(String id) {
		return Optional.ofNullable((id != null) ? this.providers.get(id) : null);
	}

	/** The provider, if it is one whose id_tokens apps may hand in (OpenID Connect). */
	Optional<OidcProvider> findOidc(String id) {
		return find(id).map((provider) -> switch (provider) {
			case OidcProvider oidc -> oidc;
			case GitHubProvider github -> null;
		});
	}

	List<String> ids() {
		return List.copyOf(this.providers.keySet());
	}

}
