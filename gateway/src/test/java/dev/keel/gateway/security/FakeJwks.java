package dev.keel.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * A key set source for unit tests: answers each fetch with what the test set last and
 * counts the fetches. Comes with a clock that tests move by hand.
 */
final class FakeJwks extends JwksFetcher {

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile Supplier<Mono<JWKSet>> answer;

	FakeJwks(Supplier<JWKSet> keys) {
		super(WebClient.create(), URI.create("http://auth-service/jwks.json"));
		serve(keys);
	}

	void serve(Supplier<JWKSet> keys) {
		this.answer = () -> Mono.fromSupplier(keys);
	}

	void answer(Supplier<Mono<JWKSet>> answer) {
		this.answer = answer;
	}

	void fail() {
		this.answer = () -> Mono.error(new IllegalStateException("503 from auth-service"));
	}

	int fetches() {
		return this.fetches.get();
	}

	@Override
	Mono<JWKSet> fetch() {
		this.fetches.incrementAndGet();
		return this.answer.get();
	}

	/** A clock that stands still until moved. */
	static final class ManualClock extends Clock {

		private volatile Instant now = Instant.now();

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
			throw new UnsupportedOperationException();
		}

	}

}
