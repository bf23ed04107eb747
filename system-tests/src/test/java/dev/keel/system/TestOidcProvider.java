package dev.keel.system;

import java.util.List;
import java.util.Map;
import java.util.Set;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID Connect provider Keel did not write (NAV's mock-oauth2-server, with its
 * interactive login page) on a port of the test platform's range, started before the
 * platform so that auth-service is configured with it ({@link KeelCli#environment()}).
 * Issuer {@value #ID} is Keel's provider {@code acme}; {@value #OTHER_ISSUER} stands for
 * a foreign one.
 */
final class TestOidcProvider {

	static final String ID = "acme";

	static final String OTHER_ISSUER = "other";

	static final String CLIENT_ID = "keel-system-test";

	/** The test app's redirect, on the platform's allow-list. */
	static final String APP_CALLBACK = "http://app.keel.test/callback";

	static final int PORT = KeelCli.port(8090);

	private static MockOAuth2Server server;

	private TestOidcProvider() {
	}

	/** Starts the provider once per test run; it stops with the JVM. */
	static synchronized void start() {
		if (server == null) {
			server = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), Set.of(),
					new MockWebServerWrapper()));
			server.start(PORT);
		}
	}

	/** The issuer of Keel's provider, as the server names it in its tokens. */
	static String issuer() {
		start();
		return server.issuerUrl(ID).toString();
	}

	/** An id_token as an app's SDK would get it from the provider. */
	static String idToken(String issuer, String subject, List<String> audience, long expiresInSeconds) {
		start();
		return server
			.issueToken(issuer, CLIENT_ID,
					new DefaultOAuth2TokenCallback(issuer, subject, "JWT", audience, Map.of(), expiresInSeconds))
			.serialize();
	}

}
