package dev.keel.auth.provider;

import java.net.URI;

/**
 * An external identity provider Keel signs users in with. Sealed: each kind of provider
 * is one implementation (OpenID Connect here, which the {@code google} preset also is; a
 * plain OAuth2 provider such as GitHub would be another), and the browser flow needs only
 * these two steps from any of them.
 */
sealed interface IdentityProvider permits OidcProvider, GitHubProvider {

	/** The id the operator gave it, as in {@code /api/auth/callback/{id}}. */
	String id();

	/**
	 * Where to send the browser to sign in: an authorization-code request with PKCE
	 * (S256), the state and the nonce.
	 * @throws ProviderFailure when the provider cannot be reached
	 */
	URI authorizationUri(FlowSecrets secrets);

	/**
	 * Exchanges the code the provider sent back and says whose identity it is.
	 * @throws ProviderFailure when the exchange fails or the identity cannot be trusted
	 */
	ProviderIdentity redeem(String code, FlowSecrets secrets);

}
