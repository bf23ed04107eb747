package dev.keel.auth.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.stereotype.Component;

import dev.keel.auth.config.TokenProperties;

/**
 * The public keys that validators may meet in tokens: the active key and retired keys
 * until every token they signed has expired. Serves the JWKS endpoint and, as a Nimbus
 * {@link JWKSource}, validation inside auth-service without an HTTP round trip. Read from
 * MongoDB at most every {@code keel.auth.keys.cache-ttl}, and again when a token names a
 * {@code kid} it does not know yet (a key another instance just created).
 */
@Component
class PublishedKeys implements JWKSource<SecurityContext> {

	private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);

	private final SigningKeyStore store;

	private final Duration cacheTtl;

	private final Duration retiredKeyPublication;

	private volatile Snapshot snapshot;

	PublishedKeys(SigningKeyStore store, KeyProperties properties, TokenProperties tokens) {
		this.store = store;
		this.cacheTtl = properties.cacheTtl();
		this.retiredKeyPublication = properties.retiredKeyPublication(tokens);
	}

	/** The public keys, newest first, without any private part. */
	JWKSet jwkSet() {
		Snapshot current = this.snapshot;
		if (current == null || current.olderThan(this.cacheTtl)) {
			current = refresh();
		}
		return current.keys();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		List<JWK> selected = selector.select(jwkSet());
		Snapshot current = this.snapshot;
		boolean unknownKid = selected.isEmpty() && !selector.getMatcher().getKeyIDs().isEmpty();
		if (unknownKid && (current == null || current.olderThan(MIN_RELOAD_INTERVAL))) {
			selected = selector.select(refresh().keys());
		}
		return selected;
	}

	Snapshot refresh() {
		Instant now = Instant.now();
		List<JWK> keys = this.store.all()
			.stream()
			.filter((key) -> key.publishedAt(now, this.retiredKeyPublication))
			.<JWK>map(KeyMaterial::publicJwk)
			.toList();
		Snapshot loaded = new Snapshot(new JWKSet(keys), now);
		this.snapshot = loaded;
		return loaded;
	}

	record Snapshot(JWKSet keys, Instant loadedAt) {

		boolean olderThan(Duration age) {
			return Instant.now().isAfter(this.loadedAt.plus(age));
		}

	}

}
