package dev.keel.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import dev.keel.testing.TestTokens;
import dev.keel.token.TokenRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token verified once is a lookup afterwards, but never past its expiry, never for a
 * token that differs in its signature, and never once its key is no longer published.
 */
class RememberingJwtDecoderTests {

	private static final Duration SKEW = Duration.ofSeconds(30);

	// Generating RSA keys is slow: one set for every test.
	private static final TestTokens tokens = TestTokens.create();

	private final ManualClock clock = new ManualClock(Instant.now());

	private final AtomicReference<JWKSet> published = new AtomicReference<>(tokens.publicKeys());

	private final JWKSource<SecurityContext> keys = (selector, context) -> selector.select(this.published.get());

	private final RememberingJwtDecoder decoder = decoder();

	@Test
	void aTokenSeenBeforeIsNotVerifiedAgain() {
		String token = tokens.sign(claims().build());
		Jwt first = this.decoder.decode(token);
		assertThat(first.getSubject()).isEqualTo("alice");
		assertThat(this.decoder.decode(token)).as("remembered").isSameAs(first);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItExpires() {
		String token = tokens.sign(claims().expirationTime(Date.from(this.clock.instant().plusSeconds(60))).build());
		assertThat(this.decoder.decode(token).getSubject()).isEqualTo("alice");
		this.clock.advance(Duration.ofSeconds(60).plus(SKEW).plusSeconds(1));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("The bearer token has expired.");
		assertThatExceptionOfType(JwtValidationException.class).as("forgotten, and still refused")
			.isThrownBy(() -> this.decoder.decode(token));
	}

	@Test
	void aForgedTokenWithARememberedTokensPayloadIsRefused() {
		JWTClaimsSet claims = claims().build();
		String token = tokens.sign(claims);
		assertThat(this.decoder.decode(token).getSubject()).isEqualTo("alice");
		String forged = tokens.forged(claims);
		assertThat(forged.substring(0, forged.lastIndexOf('.'))).isEqualTo(token.substring(0, token.lastIndexOf('.')));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(forged));
		assertThat(this.decoder.decode(token).getSubject()).as("the genuine token still works").isEqualTo("alice");
	}

	@Test
	void aRememberedTokenIsRefusedOnceItsKeyIsNoLongerPublished() {
		String token = tokens.sign(claims().build());
		assertThat(this.decoder.decode(token).getSubject()).isEqualTo("alice");
		this.published.set(new JWKSet(TestTokens.newKey("another").toPublicJWK()));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token));
	}

	@Test
	void theClaimChecksStillApplyToTokensSeenBefore() {
		String wrongAudience = tokens.sign(claims().audience("another-app").build());
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(wrongAudience));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(wrongAudience));
	}

	private RememberingJwtDecoder decoder() {
		TokenRulesValidator validator = new TokenRulesValidator(
				new TokenRules(tokens.issuer(), TestTokens.AUDIENCE, SKEW), this.clock);
		NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSource(this.keys)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		verifier.setJwtValidator(validator);
		return new RememberingJwtDecoder(verifier, validator, this.keys);
	}

	private JWTClaimsSet.Builder claims() {
		Instant now = this.clock.instant();
		return tokens.claims("alice")
			.audience(List.of(TestTokens.AUDIENCE))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
	}

	private static final class ManualClock extends Clock {

		private Instant now;

		ManualClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
