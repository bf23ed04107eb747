package dev.keel.auth.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TOTP model against RFC 6238's SHA-1 test vectors (Appendix B; six-digit codes are
 * the last six digits of the eight-digit ones) and against the test's own authenticator.
 */
class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheRfc6238Vectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
	}

	@Test
	void theTestAuthenticatorMatchesTheRfc6238Vectors() {
		AuthenticatorApp app = AuthenticatorApp.ofAsciiSecret("12345678901234567890");
		assertThat(app.truncated(59 / 30) % 100_000_000).isEqualTo(94287082);
		assertThat(app.truncated(20000000000L / 30) % 100_000_000).isEqualTo(65353130);
	}

	@Test
	void acceptsOneStepEitherSideAndNoFurther() {
		long now = 1_000_000;
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 1), now)).hasValue(now - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 1), now)).hasValue(now + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void theQrCodeReadsAsTheOtpauthUri() {
		for (int i = 0; i < 50; i++) {
			String uri = "otpauth://totp/Keel:mfa-" + UUID.randomUUID() + "%40example.com?secret="
					+ Base32.encode(Secrets.totpSecret()) + "&issuer=Keel&algorithm=SHA1&digits=6&period=30";
			assertThat(AuthenticatorApp.readQrCode(QrCodes.pngDataUrl(uri))).isEqualTo(uri);
		}
	}

	@Test
	void secretsGoToTheAppAsBase32ThatItReads() {
		byte[] secret = Secrets.totpSecret();
		AuthenticatorApp app = AuthenticatorApp.scan("otpauth://totp/Keel:a?secret=" + Base32.encode(secret));
		assertThat(app.code(42)).isEqualTo(Totp.code(secret, 42));
	}

}
