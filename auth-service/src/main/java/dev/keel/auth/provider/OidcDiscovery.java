package dev.keel.auth.provider;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * A provider's discovery document, fetched on first use (with the provider timeouts) and
 * kept once it was read; until then every use tries again, so a provider that is down at
 * start-up costs only the sign-ins that need it.
 */
final class OidcDiscovery {

	/**
	 * What the discovery document gave: the client registration and the id_token checks.
	 */
	record Metadata(ClientRegistration registration, IdTokens idTokens) {
	}

	private final ProviderSettings settings;

	private final String callbackUrl;

	private final RestClient http;

	private final RestTemplate keys;

	private final ProviderProperties properties;

	private volatile Metadata metadata;

	OidcDiscovery(ProviderSettings settings, String callbackUrl, RestClient http, RestTemplate keys,
			ProviderProperties properties) {
		this.settings = settings;
		this.callbackUrl = callbackUrl;
		this.http = http;
		this.keys = keys;
		this.properties = properties;
	}

	/**
	 * @throws ProviderFailure when the document cannot be read or is not this issuer's
	 */
	Metadata metadata() {
		Metadata current = this.metadata;
		if (current == null) {
			synchronized (this) {
				current = this.metadata;
				if (current == null) {
					current = load();
					this.metadata = current;
				}
			}
		}
		return current;
	}

	private Metadata load() {
		String issuer = this.settings.issuer();
		Map<String, Object> document;
		try {
			document = this.http.get()
				.uri(stripSlash(issuer) + "/.well-known/openid-configuration")
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
		}
		catch (RestClientException ex) {
			throw unavailable("its discovery document could not be read", ex);
		}
		if (document == null || !stripSlash(issuer).equals(stripSlash(String.valueOf(document.get("issuer"))))) {
			throw unavailable("its discovery document names another issuer", null);
		}
		ClientRegistration registration = registration(document);
		return new Metadata(registration,
				new IdTokens(registration, this.settings.acceptedAudiences(), this.keys, this.properties.clockSkew()));
	}

	private ClientRegistration registration(Map<String, Object> document) {
		ClientRegistration.Builder builder = ClientRegistrations.fromOidcConfiguration(document)
			.registrationId(this.settings.id())
			.clientId(this.settings.clientId())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(this.callbackUrl)
			.scope(this.settings.scopes());
		if (this.settings.clientSecret() == null) {
			// A public client: PKCE is what protects the code.
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else {
			builder.clientSecret(this.settings.clientSecret());
		}
		return builder.build();
	}

	private ProviderFailure unavailable(String why, Throwable cause) {
		return new ProviderFailure(ProviderFailure.UNAVAILABLE,
				"Provider '" + this.settings.id() + "' is not available: " + why + ".", cause);
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
