package dev.keel.auth.key;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.keel.auth.config.TokenProperties;

/**
 * Signing-key settings under {@code keel.auth.keys}.
 *
 * @param masterKey the base64 of the 32-byte AES key that encrypts the private signing
 * keys at rest ({@code KEEL_AUTH_MASTER_KEY}); every instance must have the same one
 * @param masterKeyFile where a local-development master key is kept when
 * {@code masterKey} is not set
 * @param rotationInterval how old the active key may get before it is replaced
 * @param rotationCheckInterval how often each instance checks whether a rotation is due
 * @param cacheTtl how long an instance trusts its copy of the keys before reading them
 * again, so a rotation elsewhere reaches it within this time
 */
@ConfigurationProperties("keel.auth.keys")
public record KeyProperties(String masterKey, @DefaultValue(".keel/auth-master.key") Path masterKeyFile,
		@DefaultValue("30d") Duration rotationInterval, @DefaultValue("1h") Duration rotationCheckInterval,
		@DefaultValue("10s") Duration cacheTtl) {

	/**
	 * How long a retired key stays in the JWKS: until every token it signed has expired,
	 * counting the clock skew validators allow and the time other instances may still
	 * sign with it before their cache notices the rotation.
	 */
	Duration retiredKeyPublication(TokenProperties tokens) {
		return tokens.tokens().accessTokenLifetime().plus(tokens.tokens().clockSkew()).plus(this.cacheTtl);
	}

	boolean hasMasterKey() {
		return this.masterKey != null && !this.masterKey.isBlank();
	}

}
