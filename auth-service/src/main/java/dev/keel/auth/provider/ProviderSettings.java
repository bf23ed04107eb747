package dev.keel.auth.provider;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.env.PropertyResolver;

/**
 * One provider as the operator configured it, read from
 * {@code KEEL_AUTH_PROVIDER_<ID>_{TYPE,ISSUER,CLIENT_ID,CLIENT_SECRET,SCOPES,AUDIENCES}}
 * ({@code <ID>} upper-cased, {@code -} as {@code _}). The names are built from the ids in
 * {@code KEEL_AUTH_PROVIDERS}, so they cannot be fixed properties of a record.
 *
 * @param id the provider's id, as in URLs and events
 * @param type {@value #OIDC} or {@value #GOOGLE}
 * @param issuer the issuer URL, whose discovery document describes the provider
 * @param clientId the client id Keel is registered under at the provider
 * @param clientSecret the client secret, or {@code null} for a public client (PKCE only)
 * @param scopes the scopes asked for
 * @param audiences further {@code aud} values accepted in token exchange (the client ids
 * of the apps' own native registrations)
 */
record ProviderSettings(String id, String type, String issuer, String clientId, String clientSecret,
		List<String> scopes, List<String> audiences) {

	static final String OIDC = "oidc";

	static final String GOOGLE = "google";

	static final String GITHUB = "github";

	static final String GOOGLE_ISSUER = "https://accounts.google.com";

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	private static final String DEFAULT_SCOPES = "openid,email,profile";

	/**
	 * Reads and checks one provider's settings.
	 * @throws IllegalStateException saying what to set when they are incomplete or wrong,
	 * so that auth-service does not start with a provider that cannot work
	 */
	static ProviderSettings read(String id, PropertyResolver environment) {
		if (!ID.matcher(id).matches()) {
			throw invalid("KEEL_AUTH_PROVIDERS", "provider id '" + id
					+ "' must be lower-case letters, digits and '-' (at most 32), e.g. 'google' or 'acme-sso'");
		}
		String prefix = "KEEL_AUTH_PROVIDER_" + id.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
		String type = value(environment, prefix + "TYPE");
		if (type == null) {
			throw invalid(prefix + "TYPE", "set it to 'oidc', 'google' or 'github' for provider '" + id + "'");
		}
		type = type.toLowerCase(Locale.ROOT);
		String issuer = value(environment, prefix + "ISSUER");
		switch (type) {
			case GOOGLE -> issuer = (issuer != null) ? issuer : GOOGLE_ISSUER;
			case OIDC -> requireUrl(prefix + "ISSUER", issuer, id);
			case GITHUB -> {
				// OAuth2 without discovery: GitHubSettings reads its endpoints.
			}
			default -> throw invalid(prefix + "TYPE",
					"unknown provider type '" + type + "' for provider '" + id + "'; supported: oidc, google, github");
		}
		String clientId = value(environment, prefix + "CLIENT_ID");
		if (clientId == null) {
			throw invalid(prefix + "CLIENT_ID", "set the client id Keel is registered under at provider '" + id + "'");
		}
		String scopes = value(environment, prefix + "SCOPES");
		return new ProviderSettings(id, type, issuer, clientId, value(environment, prefix + "CLIENT_SECRET"),
				list((scopes != null) ? scopes : DEFAULT_SCOPES), list(value(environment, prefix + "AUDIENCES")));
	}

	/** The {@code aud} values an id_token handed in by an app may carry. */
	List<String> acceptedAudiences() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(this.clientId), this.audiences.stream())
			.toList();
	}

	private static void requireUrl(String name, String issuer, String id) {
		if (issuer == null) {
			throw invalid(name, "set the issuer URL of provider '" + id + "' (its discovery document is at "
					+ "<issuer>/.well-known/openid-configuration)");
		}
		url(name, issuer);
	}

	/**
	 * An http(s) URL with a host; plain http only to a loopback address: over http to
	 * another host, anyone on the path could swap the provider's discovery document or
	 * keys and forge its id_tokens, and the client secret would travel in clear.
	 */
	static String url(String name, String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(name, "'" + url + "' is not an http(s) URL");
		}
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
			throw invalid(name, "'" + url + "' is not an http(s) URL");
		}
		if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
			throw invalid(name, "'" + url + "' must use https (plain http only to localhost or 127.0.0.1)");
		}
		return url;
	}

	private static boolean loopback(String host) {
		if ("localhost".equalsIgnoreCase(host)) {
			return true;
		}
		// Only literal addresses: no name is looked up at start-up.
		if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
			return false;
		}
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static String value(PropertyResolver environment, String name, String fallback) {
		String value = environment.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static String value(PropertyResolver environment, String name) {
		String value = environment.getProperty(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static List<String> list(String commaSeparated) {
		if (commaSeparated == null) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split("[,\\s]+")).filter((item) -> !item.isEmpty()).toList();
	}

	private static IllegalStateException invalid(String name, String problem) {
		return new IllegalStateException(
				"Identity provider settings: " + name + ": " + problem + " (docs/auth.md#sign-in-with-a-provider).");
	}

}
