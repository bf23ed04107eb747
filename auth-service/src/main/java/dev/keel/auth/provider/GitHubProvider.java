package dev.keel.auth.provider;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * GitHub (github.com or GitHub Enterprise Server): its OAuth2 web flow with PKCE (S256)
 * and state, then who the user is from its REST API. GitHub is not an OpenID Connect
 * provider: there is no id_token and no nonce, so the access token, used once here and
 * never kept or logged, is what proves the sign-in.
 * <p>
 * Trusted: the numeric user id (the subject; a login can be renamed and then taken by
 * someone else), and the primary email only when GitHub says it is verified.
 * <p>
 * The code is exchanged with Spring Security's token client. GitHub answers a refused
 * code with HTTP 200 and {@code {"error": ...}}; that body has no access token, so the
 * client cannot read it as a token response and fails, which is the refusal it is.
 */
final class GitHubProvider implements IdentityProvider {

	private static final String API_MEDIA_TYPE = "application/vnd.github+json";

	private final GitHubSettings settings;

	private final ClientRegistration registration;

	private final RestClientAuthorizationCodeTokenResponseClient tokenClient;

	private final RestClient api;

	GitHubProvider(GitHubSettings settings, String callbackUrl,
			RestClientAuthorizationCodeTokenResponseClient tokenClient, RestClient api) {
		this.settings = settings;
		this.tokenClient = tokenClient;
		this.api = api;
		this.registration = ClientRegistration.withRegistrationId(settings.id())
			.clientId(settings.common().clientId())
			.clientSecret(settings.common().clientSecret())
			// GitHub documents the client secret as a form parameter.
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(callbackUrl)
			.scope(settings.scopes())
			.authorizationUri(settings.authorizationUrl())
			.tokenUri(settings.tokenUrl())
			.userInfoUri(settings.apiUrl() + "/user")
			.userNameAttributeName("id")
			.build();
	}

	@Override
	public String id() {
		return this.settings.id();
	}

	@Override
	public URI authorizationUri(FlowSecrets secrets) {
		return URI.create(authorizationRequest(secrets).getAuthorizationRequestUri());
	}

	@Override
	public ProviderIdentity redeem(String code, FlowSecrets secrets) {
		String accessToken = accessToken(code, secrets);
		Map<String, Object> user = get("/user", accessToken, new ParameterizedTypeReference<>() {
		});
		List<Map<String, Object>> emails = get("/user/emails", accessToken, new ParameterizedTypeReference<>() {
		});
		String subject = userId(user);
		Map<String, Object> primary = (emails != null)
				? emails.stream().filter((email) -> Boolean.TRUE.equals(email.get("primary"))).findFirst().orElse(null)
				: null;
		boolean verified = primary != null && Boolean.TRUE.equals(primary.get("verified"))
				&& primary.get("email") instanceof String;
		String name = (user.get("name") instanceof String value && !value.isBlank()) ? value
				: (user.get("login") instanceof String login) ? login : null;
		// An unverified address is not passed on at all: it must not name the account.
		return new ProviderIdentity(id(), subject, verified ? (String) primary.get("email") : null, verified, name);
	}

	private String accessToken(String code, FlowSecrets secrets) {
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(this.registration.getRedirectUri())
			.state(secrets.state())
			.build();
		try {
			return this.tokenClient
				.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(this.registration,
						new OAuth2AuthorizationExchange(authorizationRequest(secrets), response)))
				.getAccessToken()
				.getTokenValue();
		}
		catch (OAuth2AuthorizationException | RestClientException ex) {
			throw new ProviderFailure(ProviderFailure.EXCHANGE_FAILED,
					"Provider '" + id() + "' did not accept the sign-in code.", ex);
		}
	}

	private <T> T get(String path, String accessToken, ParameterizedTypeReference<T> type) {
		try {
			T body = this.api.get()
				.uri(this.settings.apiUrl() + path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
				.header(HttpHeaders.ACCEPT, API_MEDIA_TYPE)
				.header("X-GitHub-Api-Version", "2022-11-28")
				.header(HttpHeaders.USER_AGENT, "Keel")
				.retrieve()
				.body(type);
			if (body == null) {
				throw unavailable(path + " answered nothing", null);
			}
			return body;
		}
		catch (RestClientException ex) {
			throw unavailable(path + " could not be read", ex);
		}
	}

	private String userId(Map<String, Object> user) {
		Object id = user.get("id");
		if (id instanceof Integer || id instanceof Long || id instanceof BigInteger) {
			return id.toString();
		}
		throw unavailable("/user has no numeric id", null);
	}

	private ProviderFailure unavailable(String why, Throwable cause) {
		return new ProviderFailure(ProviderFailure.UNAVAILABLE,
				"Provider '" + id() + "' is not available: " + why + ".", cause);
	}

	private OAuth2AuthorizationRequest authorizationRequest(FlowSecrets secrets) {
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(this.registration.getProviderDetails().getAuthorizationUri())
			.clientId(this.registration.getClientId())
			.redirectUri(this.registration.getRedirectUri())
			.scopes(this.registration.getScopes())
			.state(secrets.state())
			.attributes((attributes) -> attributes.put(PkceParameterNames.CODE_VERIFIER, secrets.codeVerifier()))
			.additionalParameters(Map.of(PkceParameterNames.CODE_CHALLENGE, Secrets.hash(secrets.codeVerifier()),
					PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
			.build();
	}

}
