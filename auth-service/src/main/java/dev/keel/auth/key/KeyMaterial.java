package dev.keel.auth.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.springframework.stereotype.Component;

import dev.keel.auth.key.MasterKey.Sealed;

/**
 * Creates RSA signing keys and moves them between their stored form (public JWK in the
 * clear, private key sealed under the master key) and Nimbus {@link RSAKey}s.
 */
@Component
class KeyMaterial {

	private static final int RSA_BITS = 2048;

	private final MasterKey masterKey;

	KeyMaterial(MasterKey masterKey) {
		this.masterKey = masterKey;
	}

	StoredSigningKey generate(long generation, Instant now) {
		RSAKey key = newRsaKey();
		try {
			Sealed sealed = this.masterKey.encrypt(key.toPrivateKey().getEncoded(), key.getKeyID());
			return new StoredSigningKey(key.getKeyID(), generation, key.toPublicJWK().toJSONString(), sealed.iv(),
					sealed.ciphertext(), now, null, null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot read the generated RSA private key", ex);
		}
	}

	/** A signer with the key's private part. */
	JWSSigner signer(StoredSigningKey stored) {
		try {
			return new RSASSASigner(unseal(stored));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing key " + stored.id() + " cannot sign", ex);
		}
	}

	/** The key with its private part. */
	RSAKey unseal(StoredSigningKey stored) {
		byte[] pkcs8;
		try {
			pkcs8 = this.masterKey.decrypt(new Sealed(stored.iv(), stored.encryptedPrivateKey()), stored.id());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt signing key " + stored.id() + ": the master key"
					+ " (KEEL_AUTH_MASTER_KEY or the local key file) is not the one that encrypted it. Every"
					+ " auth-service instance must use the master key the keys were created with.", ex);
		}
		try {
			PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return new RSAKey.Builder(publicJwk(stored)).privateKey(privateKey).build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing key " + stored.id() + " holds no valid RSA private key", ex);
		}
	}

	static RSAKey publicJwk(StoredSigningKey stored) {
		try {
			return RSAKey.parse(stored.publicJwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key " + stored.id() + " holds no valid public JWK", ex);
		}
	}

	private static RSAKey newRsaKey() {
		try {
			return new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

}
