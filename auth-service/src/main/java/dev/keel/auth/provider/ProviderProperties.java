package dev.keel.auth.provider;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in with external identity providers, under
 * {@code keel.auth.providers}. Each enabled provider's own settings are read from
 * {@code KEEL_AUTH_PROVIDER_<ID>_*} by {@link ProviderSettings}.
 *
 * @param enabled the ids of the providers to offer ({@code KEEL_AUTH_PROVIDERS}, comma
 * separated); none by default
 * @param appUrl the public gateway URL ({@code KEEL_APP_URL}): providers send the browser
 * back to {@code <appUrl>/api/auth/callback/<id>}
 * @param flowLifetime how long a started browser sign-in may take
 * @param timeout connect and read timeout of every call to a provider (discovery, keys,
 * code exchange)
 * @param clockSkew how far a provider's clock may be off when checking {@code exp} and
 * {@code iat}
 */
@ConfigurationProperties("keel.auth.providers")
record ProviderProperties(@DefaultValue List<String> enabled, @DefaultValue("http://localhost:8080") String appUrl,
		@DefaultValue("10m") Duration flowLifetime, @DefaultValue("5s") Duration timeout,
		@DefaultValue("60s") Duration clockSkew) {

	ProviderProperties {
		enabled = enabled.stream().map(String::trim).filter((id) -> !id.isEmpty()).toList();
		appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
	}

	/**
	 * Where the provider sends the browser back to: Keel's callback, through the gateway.
	 */
	String callbackUrl(String providerId) {
		return this.appUrl + "/api/auth/callback/" + providerId;
	}

}
