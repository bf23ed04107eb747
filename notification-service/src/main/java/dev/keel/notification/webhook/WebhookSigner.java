package dev.keel.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as the Standard Webhooks specification says: {@code v1,} and the
 * base64 HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the
 * bytes the secret's base64 part decodes to. Secrets are {@value #SECRET_PREFIX} and the
 * base64 of 32 random bytes, the form the Standard Webhooks libraries read.
 */
final class WebhookSigner {

	static final String SECRET_PREFIX = "whsec_";

	private static final String HMAC = "HmacSHA256";

	private static final int SECRET_BYTES = 32;

	private final SecretKeySpec key;

	WebhookSigner(String secret) {
		if (!secret.startsWith(SECRET_PREFIX)) {
			throw new IllegalArgumentException("A webhook secret starts with " + SECRET_PREFIX);
		}
		this.key = new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), HMAC);
	}

	static String newSecret(SecureRandom random) {
		byte[] bytes = new byte[SECRET_BYTES];
		random.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * The {@code webhook-signature} header of one attempt.
	 * @param id the {@code webhook-id}
	 * @param timestamp the {@code webhook-timestamp}, in seconds since the epoch
	 * @param body the exact body sent
	 * @return the header value
	 */
	String sign(String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
