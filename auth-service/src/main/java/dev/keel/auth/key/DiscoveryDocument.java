package dev.keel.auth.key;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The OpenID-provider-style metadata of auth-service (RFC 8414 field names). Keel issues
 * access tokens only, so there is no authorization or userinfo endpoint.
 */
record DiscoveryDocument(@JsonProperty("issuer") String issuer, @JsonProperty("jwks_uri") String jwksUri,
		@JsonProperty("token_endpoint") String tokenEndpoint,
		@JsonProperty("revocation_endpoint") String revocationEndpoint,
		@JsonProperty("grant_types_supported") List<String> grantTypesSupported,
		@JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
		@JsonProperty("revocation_endpoint_auth_methods_supported") List<String> revocationEndpointAuthMethodsSupported,
		@JsonProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported) {

	static DiscoveryDocument forIssuer(String issuer) {
		return new DiscoveryDocument(issuer, issuer + "/.well-known/jwks.json", issuer + "/token", issuer + "/revoke",
				List.of("password", "refresh_token", "client_credentials"),
				List.of("client_secret_basic", "client_secret_post", "none"), List.of("none"), List.of("RS256"));
	}

}
