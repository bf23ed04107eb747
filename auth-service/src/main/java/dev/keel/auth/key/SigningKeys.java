package dev.keel.auth.key;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

import dev.keel.auth.config.TokenProperties;

/**
 * Signs tokens with the active key and rotates keys. The active key is the newest one in
 * MongoDB, shared by every instance; each instance reads it again after
 * {@code keel.auth.keys.cache-ttl}, and at once after a rotation it made itself. The
 * first key is created at start-up when there is none.
 */
@Service
public class SigningKeys implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** Retired keys' records are kept this much longer than they are published. */
	private static final Duration RECORD_RETENTION = Duration.ofDays(1);

	private final SigningKeyStore store;

	private final KeyMaterial material;

	private final PublishedKeys published;

	private final KeyProperties properties;

	private final Duration retiredKeyPublication;

	private volatile ActiveKey active;

	SigningKeys(SigningKeyStore store, KeyMaterial material, PublishedKeys published, KeyProperties properties,
			TokenProperties tokens) {
		this.store = store;
		this.material = material;
		this.published = published;
		this.properties = properties;
		this.retiredKeyPublication = properties.retiredKeyPublication(tokens);
	}

	@Override
	public void afterSingletonsInstantiated() {
		log.info("Signing with key {}", active().kid());
	}

	/**
	 * Signs the claims with the active key: RS256, {@code typ: JWT}, the key's
	 * {@code kid}.
	 * @return the compact serialization
	 */
	public String sign(JWTClaimsSet claims) {
		ActiveKey key = active();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign with key " + key.kid(), ex);
		}
		return jwt.serialize();
	}

	/** Replaces the active key by a new one; the old one stays published a while. */
	StoredSigningKey rotate() {
		return rotateFrom(this.store.latest().map(StoredSigningKey::generation).orElse(0L));
	}

	/**
	 * Rotates when the active key is older than {@code keel.auth.keys.rotation-interval},
	 * or creates the first key. Safe to run on every instance at once.
	 */
	boolean rotateIfDue() {
		var latest = this.store.latest();
		Instant dueAt = latest.map((key) -> key.createdAt().plus(this.properties.rotationInterval()))
			.orElse(Instant.MIN);
		if (Instant.now().isBefore(dueAt)) {
			return false;
		}
		StoredSigningKey key = rotateFrom(latest.map(StoredSigningKey::generation).orElse(0L));
		log.info("Rotated signing keys on schedule; now signing with {}", key.id());
		return true;
	}

	/**
	 * Creates the key of {@code generation + 1}, or adopts it if another instance did.
	 */
	StoredSigningKey rotateFrom(long generation) {
		StoredSigningKey next = this.material.generate(generation + 1, now());
		if (!this.store.insert(next)) {
			// Another instance created this generation at the same moment: use theirs.
			next = this.store.latest().orElseThrow();
		}
		Instant retiredAt = now(); // from here on, this instance signs with the new key
		this.store.retireBefore(next.generation(), retiredAt,
				retiredAt.plus(this.retiredKeyPublication).plus(RECORD_RETENTION));
		this.active = null;
		this.published.refresh();
		return next;
	}

	ActiveKey active() {
		ActiveKey current = this.active;
		if (current != null && current.fresh(this.properties.cacheTtl())) {
			return current;
		}
		StoredSigningKey latest = this.store.latest().orElseGet(() -> rotateFrom(0));
		ActiveKey loaded = (current != null && current.kid().equals(latest.id())) ? current.reloaded()
				: ActiveKey.of(latest.id(), this.material.signer(latest));
		this.active = loaded;
		return loaded;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/** The active key as this instance last read it. */
	record ActiveKey(String kid, JWSSigner signer, Instant loadedAt) {

		static ActiveKey of(String kid, JWSSigner signer) {
			return new ActiveKey(kid, signer, Instant.now());
		}

		boolean fresh(Duration ttl) {
			return Instant.now().isBefore(this.loadedAt.plus(ttl));
		}

		ActiveKey reloaded() {
			return new ActiveKey(this.kid, this.signer, Instant.now());
		}

	}

}
