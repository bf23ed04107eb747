package dev.keel.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.keel.gateway.security.FakeJwks.ManualClock;
import dev.keel.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SigningKeysTests {

	private static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

	private static final RSAKey key1 = TestTokens.newKey("k1");

	private static final RSAKey key2 = TestTokens.newKey("k2");

	private final AtomicReference<List<JWK>> published = new AtomicReference<>(List.of(key1));

	private final FakeJwks jwks = new FakeJwks(() -> new JWKSet(this.published.get()).toPublicJWKSet());

	private final ManualClock clock = new ManualClock();

	private final AtomicInteger changes = new AtomicInteger();

	private final SigningKeys keys = new SigningKeys(this.jwks, this.clock, MAX_AGE, MIN_REFRESH_INTERVAL,
			this.changes::incrementAndGet);

	@Test
	void fetchesNothingUntilAKeyIsNeeded() {
		this.keys.refreshIfOld();
		assertThat(this.keys.cached("k1")).isNull();
		assertThat(this.jwks.fetches()).isZero();
	}

	@Test
	void fetchesOnceForAKnownKey() {
		assertThat(kid(this.keys.fetched("k1").block())).isEqualTo("k1");
		assertThat(kid(this.keys.cached("k1"))).isEqualTo("k1");
		this.keys.refreshIfOld();
		assertThat(this.jwks.fetches()).isOne();
		assertThat(this.changes).hasValue(1);
	}

	@Test
	void unknownKeyIdsCauseOneFetchPerInterval() {
		this.keys.fetched("k1").block();
		for (int i = 0; i < 50; i++) {
			assertThat(this.keys.fetched("made-up-" + i).block()).isNull();
		}
		assertThat(this.jwks.fetches()).isEqualTo(2);
		this.clock.advance(MIN_REFRESH_INTERVAL);
		assertThat(this.keys.fetched("made-up").block()).isNull();
		assertThat(this.jwks.fetches()).isEqualTo(3);
	}

	@Test
	void keyRotatedInRightAfterAFetchIsFetchedAtOnce() {
		this.keys.fetched("k1").block();
		this.published.set(List.of(key2, key1));
		assertThat(kid(this.keys.fetched("k2").block())).isEqualTo("k2");
		assertThat(this.jwks.fetches()).isEqualTo(2);
		assertThat(this.changes).hasValue(2);
	}

	@Test
	void unreachableAuthServiceMakesUnknownKeysUnavailable() {
		this.keys.fetched("k1").block();
		this.jwks.fail();
		this.clock.advance(MIN_REFRESH_INTERVAL);
		assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> this.keys.fetched("k2").block());
		assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> this.keys.fetched("k3").block());
		assertThat(this.jwks.fetches()).isEqualTo(2);
		assertThat(kid(this.keys.cached("k1"))).as("keys fetched before the outage").isEqualTo("k1");

		this.published.set(List.of(key2, key1));
		this.jwks.serve(() -> new JWKSet(this.published.get()).toPublicJWKSet());
		this.clock.advance(MIN_REFRESH_INTERVAL);
		assertThat(kid(this.keys.fetched("k2").block())).isEqualTo("k2");
	}

	@Test
	void concurrentLookupsShareOneFetch() {
		Sinks.One<JWKSet> response = Sinks.one();
		this.jwks.answer(response::asMono);
		Mono<VerificationKey> first = this.keys.fetched("k1").cache();
		Mono<VerificationKey> second = this.keys.fetched("k1").cache();
		first.subscribe();
		second.subscribe();
		response.tryEmitValue(new JWKSet(key1).toPublicJWKSet());
		assertThat(kid(first.block())).isEqualTo("k1");
		assertThat(kid(second.block())).isEqualTo("k1");
		assertThat(this.jwks.fetches()).isOne();
	}

	@Test
	void oldKeysAreFetchedAgainInTheBackgroundAndRetiredOnesDropped() {
		this.keys.fetched("k1").block();
		this.published.set(List.of(key2));
		this.clock.advance(MAX_AGE);
		this.keys.refreshIfOld();
		assertThat(this.jwks.fetches()).isEqualTo(2);
		assertThat(this.keys.cached("k1")).isNull();
		assertThat(kid(this.keys.cached("k2"))).isEqualTo("k2");
		assertThat(this.changes).hasValue(2);
	}

	@Test
	void unchangedKeysFetchedAgainChangeNothing() {
		this.keys.fetched("k1").block();
		this.clock.advance(MAX_AGE);
		this.keys.refreshIfOld();
		assertThat(this.jwks.fetches()).isEqualTo(2);
		assertThat(this.changes).as("calls that forget the tokens found valid").hasValue(1);
	}

	@Test
	void keysOutliveAFailedBackgroundFetch() {
		this.keys.fetched("k1").block();
		this.jwks.fail();
		this.clock.advance(MAX_AGE);
		this.keys.refreshIfOld();
		this.keys.refreshIfOld();
		assertThat(this.jwks.fetches()).as("the next try waits").isEqualTo(2);
		assertThat(kid(this.keys.cached("k1"))).isEqualTo("k1");
		this.clock.advance(MIN_REFRESH_INTERVAL);
		this.keys.refreshIfOld();
		assertThat(this.jwks.fetches()).isEqualTo(3);
	}

	private static String kid(VerificationKey key) {
		return (key != null) ? key.jwk().getKeyID() : null;
	}

}
