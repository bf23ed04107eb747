package dev.keel.auth.mfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * An authenticator app for tests, written from RFC 6238 and RFC 4648 independently of
 * {@code Totp} and {@code Base32}: it reads the {@code otpauth://} URI the user would
 * scan and computes the code for any 30-second step.
 */
final class AuthenticatorApp {

	private final byte[] secret;

	private AuthenticatorApp(byte[] secret) {
		this.secret = secret;
	}

	static AuthenticatorApp scan(String otpauthUri) {
		String query = URI.create(otpauthUri).getQuery();
		for (String pair : query.split("&")) {
			if (pair.startsWith("secret=")) {
				return new AuthenticatorApp(base32(pair.substring("secret=".length())));
			}
		}
		throw new IllegalArgumentException("No secret in " + otpauthUri);
	}

	/** What a phone's camera reads from a {@code data:image/png;base64,...} QR code. */
	static String readQrCode(String dataUrl) {
		String prefix = "data:image/png;base64,";
		if (!dataUrl.startsWith(prefix)) {
			throw new IllegalArgumentException("Not a PNG data URL: " + dataUrl);
		}
		try {
			BufferedImage image = ImageIO
				.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(prefix.length()))));
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(source)),
						Map.of(DecodeHintType.PURE_BARCODE, true, DecodeHintType.TRY_HARDER, true))
				.getText();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The QR code does not read", ex);
		}
	}

	static AuthenticatorApp ofAsciiSecret(String secret) {
		return new AuthenticatorApp(secret.getBytes(StandardCharsets.US_ASCII));
	}

	static long currentStep() {
		return Instant.now().getEpochSecond() / 30;
	}

	String code(long step) {
		return String.format(Locale.ROOT, "%06d", truncated(step) % 1_000_000);
	}

	int truncated(long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(this.secret, "RAW"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[19] & 0xf;
			return ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] base32(String encoded) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteBuffer out = ByteBuffer.allocate(encoded.length() * 5 / 8);
		long buffer = 0;
		int bits = 0;
		for (char c : encoded.toUpperCase(Locale.ROOT).toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >>> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

}
