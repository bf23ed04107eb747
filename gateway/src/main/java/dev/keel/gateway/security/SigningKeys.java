package dev.keel.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * auth-service's public signing keys, cached. Looking up a known key is a map read. Keys
 * older than {@code jwks-max-age} are fetched again in the background while the old ones
 * stay in use. A token naming an unknown {@code kid} (a key rotated in a moment ago)
 * makes the request wait for a fresh fetch, unless a fetch made for another unknown kid
 * within {@code jwks-min-refresh-interval} already came back without it, or failed.
 * Concurrent callers share one fetch.
 */
class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final JwksFetcher fetcher;

	private final Clock clock;

	private final Duration maxAge;

	private final Duration minRefreshInterval;

	private final Runnable onChange;

	private final AtomicReference<State> state = new AtomicReference<>(State.INITIAL);

	private final AtomicReference<@Nullable Mono<State>> inFlight = new AtomicReference<>();

	/**
	 * Creates the cache; nothing is fetched until the first token arrives.
	 * @param fetcher fetches the key set
	 * @param clock the time
	 * @param maxAge how long fetched keys are used before they are fetched again
	 * @param minRefreshInterval how long a fruitless fetch for an unknown key holds off
	 * the next
	 * @param onChange called after a fetch that changed the keys
	 */
	SigningKeys(JwksFetcher fetcher, Clock clock, Duration maxAge, Duration minRefreshInterval, Runnable onChange) {
		this.fetcher = fetcher;
		this.clock = clock;
		this.maxAge = maxAge;
		this.minRefreshInterval = minRefreshInterval;
		this.onChange = onChange;
	}

	/**
	 * Starts fetching the keys in the background when those fetched last are older than
	 * {@code jwks-max-age}; meanwhile they stay in use.
	 */
	void refreshIfOld() {
		if (!this.clock.instant().isBefore(this.state.get().nextFetch())) {
			fetch();
		}
	}

	/**
	 * The key with the given id among those fetched last, without waiting.
	 * @param keyId the token's {@code kid}
	 * @return the key, or {@code null} when it is not known (yet)
	 */
	@Nullable VerificationKey cached(String keyId) {
		return this.state.get().keys().get(keyId);
	}

	/**
	 * The key with the given id, fetching the keys again if that is allowed.
	 * @param keyId a {@code kid} that {@link #cached} did not know
	 * @return the key; empty when auth-service does not publish it; an error
	 * {@link KeysUnavailableException} when auth-service could not be asked
	 */
	Mono<VerificationKey> fetched(String keyId) {
		State current = this.state.get();
		Instant now = this.clock.instant();
		if (current.keys().containsKey(keyId) || now.isBefore(current.unknownKeysWaitUntil())) {
			return answer(current, keyId);
		}
		return fetch().flatMap((fetched) -> {
			if (!fetched.keys().containsKey(keyId)) {
				Instant waitUntil = now.plus(this.minRefreshInterval);
				this.state.updateAndGet((latest) -> latest.withUnknownKeysWaitUntil(waitUntil));
			}
			return answer(fetched, keyId);
		});
	}

	private static Mono<VerificationKey> answer(State state, String keyId) {
		VerificationKey key = state.keys().get(keyId);
		if (key != null) {
			return Mono.just(key);
		}
		return state.reachable() ? Mono.empty() : Mono.error(KeysUnavailableException.INSTANCE);
	}

	private Mono<State> fetch() {
		while (true) {
			Mono<State> running = this.inFlight.get();
			if (running != null) {
				return running;
			}
			Sinks.One<State> result = Sinks.one();
			Mono<State> shared = result.asMono();
			if (this.inFlight.compareAndSet(null, shared)) {
				// Subscribed here, not by the callers, so that a caller that goes away
				// does not cancel the fetch for everyone else.
				Mono.defer(this.fetcher::fetch)
					.map(VerificationKey::byKeyId)
					.map(this::fetched)
					.switchIfEmpty(Mono.fromSupplier(() -> failed(new IllegalStateException("empty response"))))
					.onErrorResume((ex) -> Mono.just(failed(ex)))
					.subscribe((latest) -> {
						this.inFlight.set(null);
						result.tryEmitValue(latest);
					});
				return shared;
			}
		}
	}

	private State fetched(Map<String, VerificationKey> keys) {
		Instant next = this.clock.instant().plus(this.maxAge);
		State before = this.state.getAndUpdate((current) -> current.fetched(keys, next));
		if (!VerificationKey.samePublished(before.keys(), keys)) {
			logger.info("Signing keys from {}: {}", this.fetcher.uri(), keys.keySet());
			this.onChange.run();
		}
		return this.state.get();
	}

	private State failed(Throwable ex) {
		logger.warn("Could not fetch the signing keys from {}: {}", this.fetcher.uri(), ex.toString());
		Instant next = this.clock.instant().plus(this.minRefreshInterval);
		return this.state.updateAndGet((current) -> current.unreachable(next));
	}

	/**
	 * What the cache knows.
	 *
	 * @param keys the keys fetched last, by {@code kid}
	 * @param reachable whether the last fetch succeeded
	 * @param nextFetch when to fetch again in the background
	 * @param unknownKeysWaitUntil until when unknown key ids cause no fetch
	 */
	private record State(Map<String, VerificationKey> keys, boolean reachable, Instant nextFetch,
			Instant unknownKeysWaitUntil) {

		static final State INITIAL = new State(Map.of(), true, Instant.MAX, Instant.MIN);

		State fetched(Map<String, VerificationKey> keys, Instant nextFetch) {
			return new State(keys, true, nextFetch, this.unknownKeysWaitUntil);
		}

		State unreachable(Instant nextFetch) {
			return new State(this.keys, false, nextFetch, this.unknownKeysWaitUntil);
		}

		State withUnknownKeysWaitUntil(Instant instant) {
			return new State(this.keys, this.reachable, this.nextFetch, instant);
		}

	}

}
