package dev.keel.auth.provider;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Checks a provider's id_tokens with Spring Security and Nimbus: the signature against
 * the provider's JWKS (fetched with the provider timeouts, cached by Nimbus), then the
 * claims. An id_token from the browser flow must be for Keel's client
 * ({@link OidcIdTokenValidator}: {@code iss}, {@code aud}, {@code azp}, {@code exp},
 * {@code iat}); one handed in by an app may also be for one of the provider's
 * {@code AUDIENCES}.
 */
final class IdTokens {

	private final NimbusJwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> forClient;

	private final OAuth2TokenValidator<Jwt> forExchange;

	IdTokens(ClientRegistration registration, List<String> acceptedAudiences, RestTemplate keys, Duration clockSkew) {
		this.decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.jwsAlgorithms((algorithms) -> algorithms
				.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256, SignatureAlgorithm.PS256)))
			.restOperations(keys)
			.build();
		// Claims are validated below, by the validator the use calls for.
		this.decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		this.decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
		OidcIdTokenValidator client = new OidcIdTokenValidator(registration);
		client.setClockSkew(clockSkew);
		this.forClient = client;
		this.forExchange = new DelegatingOAuth2TokenValidator<>(
				new JwtIssuerValidator(registration.getProviderDetails().getIssuerUri()),
				new JwtTimestampValidator(clockSkew), required(JwtClaimNames.EXP), required(JwtClaimNames.SUB),
				new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
						(audiences) -> audiences != null && audiences.stream().anyMatch(acceptedAudiences::contains)));
	}

	/** An id_token the provider sent Keel in the browser flow. */
	Jwt forClient(String idToken) {
		return validated(idToken, this.forClient);
	}

	/** An id_token an app hands in at the token endpoint. */
	Jwt forExchange(String idToken) {
		return validated(idToken, this.forExchange);
	}

	private Jwt validated(String idToken, OAuth2TokenValidator<Jwt> validator) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(idToken);
		}
		catch (JwtException ex) {
			throw new ProviderFailure(ProviderFailure.INVALID_ID_TOKEN, "The id_token is not valid: " + ex.getMessage(),
					ex);
		}
		OAuth2TokenValidatorResult result = validator.validate(jwt);
		if (result.hasErrors()) {
			throw new ProviderFailure(ProviderFailure.INVALID_ID_TOKEN,
					"The id_token is not valid: " + result.getErrors().iterator().next().getDescription());
		}
		return jwt;
	}

	private static JwtClaimValidator<Object> required(String claim) {
		return new JwtClaimValidator<>(claim, Objects::nonNull);
	}

}
