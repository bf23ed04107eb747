package dev.keel.support.security;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.keel.token.TokenRules;

/**
 * Chooses where the keys that verify tokens come from, in this order: the application's
 * own {@link JwtDecoder} bean (used as it is); the application's own
 * {@code JWKSource<SecurityContext>} bean (auth-service, which holds the keys); otherwise
 * the JWKS at {@code keel.security.jwk-set-uri}. Whatever the source, only the algorithms
 * of Keel's {@link TokenRules} (RS256) are accepted, which also rules out
 * {@code alg: none} and HMAC tokens, and the claims are checked by the same rules as at
 * the gateway ({@link TokenRulesValidator}).
 * <p>
 * The remote JWKS is cached by Nimbus for five minutes; a token whose {@code kid} is not
 * in the cached set makes it fetch the set again at once, so keys that auth-service
 * rotates in are picked up without a restart.
 * <p>
 * Tokens verified once are remembered ({@link RememberingJwtDecoder}): a client's next
 * requests with the same token skip the signature check, not the claim checks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(JwtDecoder.class)
class KeelJwtDecoderConfiguration {

	private static void keelAlgorithms(Set<SignatureAlgorithm> algorithms) {
		TokenRules.ALGORITHMS.forEach((algorithm) -> algorithms.add(SignatureAlgorithm.from(algorithm.getName())));
	}

	private static JwtDecoder remembering(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator,
			JWKSource<SecurityContext> keys) {
		decoder.setJwtValidator(validator);
		return new RememberingJwtDecoder(decoder, validator, keys);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(JWKSource.class)
	static class LocalKeys {

		@Bean
		JwtDecoder keelJwtDecoder(JWKSource<SecurityContext> keys, KeelSecurityProperties properties) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
				.jwsAlgorithms(KeelJwtDecoderConfiguration::keelAlgorithms)
				.build();
			return remembering(decoder, TokenRulesValidator.forKeel(properties), keys);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(JWKSource.class)
	static class RemoteKeys {

		@Bean
		JwtDecoder keelJwtDecoder(KeelSecurityProperties properties, ListableBeanFactory beans) {
			// The decoder builds its caching key source itself; the memory of verified
			// tokens asks the same one whether their keys are still published.
			AtomicReference<JWKSource<SecurityContext>> keys = new AtomicReference<>();
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
				.jwsAlgorithms(KeelJwtDecoderConfiguration::keelAlgorithms)
				.restOperations(JwksClient.create(properties.loadBalanced(), beans))
				.jwtProcessorCustomizer((processor) -> keys
					.set(((JWSVerificationKeySelector<SecurityContext>) processor.getJWSKeySelector()).getJWKSource()))
				.build();
			return remembering(decoder, TokenRulesValidator.forKeel(properties), keys.get());
		}

	}

}
