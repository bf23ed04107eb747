package dev.keel.auth.provider;

import java.net.URI;
import java.util.Map;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An OpenID Connect provider: its discovery document is read at first use and kept (a
 * provider that is down does not stop auth-service starting; the next sign-in tries
 * again), the browser flow is the authorization code flow with PKCE (S256), state and
 * nonce, and id_tokens are validated by Spring Security ({@code iss}, {@code aud},
 * {@code exp}, {@code iat}, signature against the provider's JWKS) before the nonce is
 * compared.
 */
final class OidcProvider implements IdentityProvider {

	private final ProviderSettings settings;

	private final String callbackUrl;

	private final OidcDiscovery discovery;

	private final RestClientAuthorizationCodeTokenResponseClient tokenClient;

	OidcProvider(ProviderSettings settings, String callbackUrl, OidcDiscovery discovery,
			RestClientAuthorizationCodeTokenResponseClient tokenClient) {
		this.settings = settings;
		this.callbackUrl = callbackUrl;
		this.discovery = discovery;
		this.tokenClient = tokenClient;
	}

	@Override
	public String id() {
		return this.settings.id();
	}

	ProviderSettings settings() {
		return this.settings;
	}

	@Override
	public URI authorizationUri(FlowSecrets secrets) {
		return URI.create(
				authorizationRequest(this.discovery.metadata().registration(), secrets).getAuthorizationRequestUri());
	}

	@Override
	public ProviderIdentity redeem(String code, FlowSecrets secrets) {
		OidcDiscovery.Metadata metadata = this.discovery.metadata();
		ClientRegistration registration = metadata.registration();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(this.callbackUrl)
			.state(secrets.state())
			.build();
		OAuth2AccessTokenResponse tokens;
		try {
			tokens = this.tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
					new OAuth2AuthorizationExchange(authorizationRequest(registration, secrets), response)));
		}
		catch (OAuth2AuthorizationException | org.springframework.web.client.RestClientException ex) {
			throw new ProviderFailure(ProviderFailure.EXCHANGE_FAILED,
					"Provider '" + id() + "' did not accept the sign-in code.", ex);
		}
		Object idToken = tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
		if (!(idToken instanceof String value)) {
			throw new ProviderFailure(ProviderFailure.INVALID_ID_TOKEN, "Provider '" + id() + "' sent no id_token.");
		}
		Jwt jwt = metadata.idTokens().forClient(value);
		if (!Secrets.same(secrets.nonce(), jwt.getClaimAsString("nonce"))) {
			throw new ProviderFailure(ProviderFailure.INVALID_ID_TOKEN,
					"The id_token's nonce is not the one this sign-in sent.");
		}
		return identity(jwt);
	}

	/**
	 * Validates an id_token an app obtained itself (token exchange): signature,
	 * {@code iss}, {@code exp}, and an {@code aud} of Keel's client id or one of the
	 * provider's {@code AUDIENCES}. When the token carries a nonce, the app must send it,
	 * raw or as its SHA-256 (base64url, as the Google and Apple SDKs send it).
	 * @throws ProviderFailure when the token cannot be trusted
	 */
	ProviderIdentity verify(String idToken, String nonce) {
		Jwt jwt = this.discovery.metadata().idTokens().forExchange(idToken);
		String claimed = jwt.getClaimAsString("nonce");
		if (claimed != null
				&& !(Secrets.same(claimed, nonce) || (nonce != null && Secrets.same(claimed, Secrets.hash(nonce))))) {
			throw new ProviderFailure(ProviderFailure.INVALID_ID_TOKEN,
					"The id_token carries a nonce; send the same nonce (or the value whose SHA-256 it is).");
		}
		return identity(jwt);
	}

	private ProviderIdentity identity(Jwt jwt) {
		Object verified = jwt.getClaims().get("email_verified");
		boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
		return new ProviderIdentity(id(), jwt.getSubject(), jwt.getClaimAsString("email"), emailVerified,
				jwt.getClaimAsString("name"));
	}

	private OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration, FlowSecrets secrets) {
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri(this.callbackUrl)
			.scopes(registration.getScopes())
			.state(secrets.state())
			.attributes((attributes) -> attributes.put(PkceParameterNames.CODE_VERIFIER, secrets.codeVerifier()))
			.additionalParameters(Map.of(OidcParameterNames.NONCE, secrets.nonce(), PkceParameterNames.CODE_CHALLENGE,
					Secrets.hash(secrets.codeVerifier()), PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
			.build();
	}

}
