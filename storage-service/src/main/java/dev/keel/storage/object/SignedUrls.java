package dev.keel.storage.object;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.keel.storage.config.DeploymentProfile;
import dev.keel.storage.config.StorageProperties;

/**
 * Download URLs that need no token until they expire: an HMAC-SHA256 with the service's
 * signing secret over the bucket's name, the object's id, the object's random signing key
 * and the expiry. Deleting the object deletes its signing key, so its URLs die with it.
 */
@Component
class SignedUrls {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int MIN_PRODUCTION_SECRET = 32;

	private final SecretKeySpec secret;

	private final Duration maxExpiry;

	private final Clock clock;

	@Autowired
	SignedUrls(StorageProperties properties, DeploymentProfile profile) {
		this(properties, profile, Clock.systemUTC());
	}

	SignedUrls(StorageProperties properties, DeploymentProfile profile, Clock clock) {
		String secret = (properties.signingSecret() != null) ? properties.signingSecret() : "";
		if (secret.isBlank()) {
			throw new IllegalStateException("KEEL_STORAGE_SIGNING_SECRET is empty: set a random secret.");
		}
		if (profile.production() && (StorageProperties.DEVELOPMENT_SIGNING_SECRET.equals(secret)
				|| secret.length() < MIN_PRODUCTION_SECRET)) {
			throw new IllegalStateException("""
					KEEL_STORAGE_SIGNING_SECRET is the published local-development secret or shorter than %d \
					characters. With KEEL_PROFILE=production storage-service refuses it: anyone could sign download \
					URLs for every file. Set a random secret (`openssl rand -base64 32`), the same on every instance."""
				.formatted(MIN_PRODUCTION_SECRET));
		}
		this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.maxExpiry = properties.signedUrlMaxExpiry();
		this.clock = clock;
	}

	Duration maxExpiry() {
		return this.maxExpiry;
	}

	/** The signed URL for an object, valid for the duration. */
	SignedUrl sign(StoredObject object, Duration validFor) {
		long expires = this.clock.instant().plus(validFor).getEpochSecond();
		String url = "/api/storage/buckets/" + object.bucket() + "/objects/" + object.id() + "/content?expires="
				+ expires + "&signature=" + signature(object, expires);
		return new SignedUrl(url, Instant.ofEpochSecond(expires));
	}

	/**
	 * Checks the parameters of a signed URL.
	 * @throws ObjectRejectedException 403 {@code signature_invalid} or
	 * {@code signature_expired}
	 */
	void verify(StoredObject object, String expires, String signature) {
		long expiry;
		try {
			expiry = Long.parseLong((expires != null) ? expires : "");
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
		byte[] expected = signature(object, expiry).getBytes(StandardCharsets.US_ASCII);
		byte[] given = ((signature != null) ? signature : "").getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(expected, given)) {
			throw invalid();
		}
		if (this.clock.instant().getEpochSecond() >= expiry) {
			throw new ObjectRejectedException(ObjectRejectedException.Reason.SIGNATURE, "signature_expired",
					"This signed URL has expired.");
		}
	}

	private String signature(StoredObject object, long expires) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.secret);
			String signed = object.bucket() + "\n" + object.id() + "\n" + object.signingKey() + "\n" + expires;
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ObjectRejectedException invalid() {
		return new ObjectRejectedException(ObjectRejectedException.Reason.SIGNATURE, "signature_invalid",
				"This signed URL is not valid.");
	}

	/**
	 * A signed URL.
	 *
	 * @param url the path and query, relative to the API's origin
	 * @param expiresAt when it stops working
	 */
	record SignedUrl(String url, Instant expiresAt) {
	}

}
