package dev.keel.auth.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider that Keel did not write (NAV's mock-oauth2-server), with
 * its interactive login page, registered as Keel's provider {@value #ID}. Another issuer
 * on the same server, {@value #OTHER_ISSUER}, stands for a foreign provider.
 */
final class TestProvider {

	static final String ID = "acme";

	static final String OTHER_ISSUER = "other";

	static final String CLIENT_ID = "keel-test";

	/** An app's own client id at the provider, accepted in token exchange. */
	static final String NATIVE_AUDIENCE = "acme-mobile";

	static final String APP_CALLBACK = "https://app.example.com/callback";

	private static MockOAuth2Server server;

	private static int keelPort;

	private TestProvider() {
	}

	/** Starts the provider once and registers it, and Keel's fixed port, with Spring. */
	static synchronized void register(DynamicPropertyRegistry registry) {
		if (server == null) {
			server = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), Set.of(),
					new MockWebServerWrapper()));
			server.start();
			keelPort = freePort();
		}
		registry.add("server.port", () -> keelPort);
		registry.add("keel.auth.providers.app-url", () -> "http://localhost:" + keelPort);
		registry.add("keel.auth.providers.enabled", () -> ID);
		registry.add("KEEL_AUTH_PROVIDER_ACME_TYPE", () -> "oidc");
		registry.add("KEEL_AUTH_PROVIDER_ACME_ISSUER", () -> server.issuerUrl(ID).toString());
		registry.add("KEEL_AUTH_PROVIDER_ACME_CLIENT_ID", () -> CLIENT_ID);
		registry.add("KEEL_AUTH_PROVIDER_ACME_CLIENT_SECRET", () -> "provider-secret");
		registry.add("KEEL_AUTH_PROVIDER_ACME_AUDIENCES", () -> NATIVE_AUDIENCE);
		registry.add("keel.auth.handoff.redirect-allow-list", () -> APP_CALLBACK);
	}

	/** An id_token as an app's SDK would get it from the provider. */
	static String idToken(String issuer, String subject, List<String> audience, Map<String, Object> claims,
			long expiresInSeconds) {
		return server
			.issueToken(issuer, CLIENT_ID,
					new DefaultOAuth2TokenCallback(issuer, subject, "JWT", audience, claims, expiresInSeconds))
			.serialize();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
