package dev.keel.support.security;

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

/**
 * Chooses where the keys that verify tokens come from, in this order: the application's
 * own {@link JwtDecoder} bean (used as it is); the application's own
 * {@code JWKSource<SecurityContext>} bean (auth-service, which holds the keys); otherwise
 * the JWKS at {@code keel.security.jwk-set-uri}. Whatever the source, only RS256
 * signatures are accepted, which also rules out {@code alg: none} and HMAC tokens: what
 * auth-service signs with, and exactly what the gateway's {@code TokenVerifier} accepts.
 * <p>
 * The remote JWKS is cached by Nimbus for five minutes; a token whose {@code kid} is not
 * in the cached set makes it fetch the set again at once, so keys that auth-service
 * rotates in are picked up without a restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(JwtDecoder.class)
class KeelJwtDecoderConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(JWKSource.class)
	static class LocalKeys {

		@Bean
		NimbusJwtDecoder keelJwtDecoder(JWKSource<SecurityContext> keys, KeelSecurityProperties properties) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(TokenValidators.forKeel(properties));
			return decoder;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(JWKSource.class)
	static class RemoteKeys {

		@Bean
		NimbusJwtDecoder keelJwtDecoder(KeelSecurityProperties properties, ListableBeanFactory beans) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.restOperations(JwksClient.create(properties.loadBalanced(), beans))
				.build();
			decoder.setJwtValidator(TokenValidators.forKeel(properties));
			return decoder;
		}

	}

}
