package dev.keel.support.security;

import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(JwtDecoder.class)
class KeelJwtDecoderConfiguration {

	private static void keelAlgorithms(Set<SignatureAlgorithm> algorithms) {
		TokenRules.ALGORITHMS.forEach((algorithm) -> algorithms.add(SignatureAlgorithm.from(algorithm.getName())));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(JWKSource.class)
	static class LocalKeys {

		@Bean
		NimbusJwtDecoder keelJwtDecoder(JWKSource<SecurityContext> keys, KeelSecurityProperties properties) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
				.jwsAlgorithms(KeelJwtDecoderConfiguration::keelAlgorithms)
				.build();
			decoder.setJwtValidator(TokenRulesValidator.forKeel(properties));
			return decoder;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(JWKSource.class)
	static class RemoteKeys {

		@Bean
		NimbusJwtDecoder keelJwtDecoder(KeelSecurityProperties properties, ListableBeanFactory beans) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
				.jwsAlgorithms(KeelJwtDecoderConfiguration::keelAlgorithms)
				.restOperations(JwksClient.create(properties.loadBalanced(), beans))
				.build();
			decoder.setJwtValidator(TokenRulesValidator.forKeel(properties));
			return decoder;
		}

	}

}
