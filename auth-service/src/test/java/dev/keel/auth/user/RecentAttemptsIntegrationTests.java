package dev.keel.auth.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations on the real MongoDB-wire store: counted before the guarded work, so that
 * parallel attempts (other threads, other instances) never exceed the quota.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class RecentAttemptsIntegrationTests {

	private static final AttemptQuota LOCKOUT = new AttemptQuota(5, Duration.ofMinutes(15));

	private static final AttemptQuota MAIL = new AttemptQuota(5, Duration.ofHours(1), Duration.ofMinutes(1));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

	private MongoClient client;

	private MongoTemplate mongo;

	private RecentAttempts attempts;

	@BeforeEach
	void openDatabase() {
		this.client = MongoClients.create(EmbeddedInfrastructure.mongoUri());
		this.mongo = new MongoTemplate(this.client,
				"keel_auth_attempts_" + UUID.randomUUID().toString().substring(0, 8));
		this.attempts = new RecentAttempts(this.mongo, this.clock);
		this.attempts.afterPropertiesSet();
	}

	@AfterEach
	void dropDatabase() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void reservesFiveAttemptsThenRefusesUntilTheOldestLeavesTheWindow() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.attempts.reserve("login:a@example.com", LOCKOUT)).isEmpty();
			this.clock.advance(Duration.ofMinutes(1));
		}
		assertThat(this.attempts.reserve("login:a@example.com", LOCKOUT)).hasValue(Duration.ofMinutes(10));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.attempts.reserve("login:a@example.com", LOCKOUT)).isEmpty();
		assertThat(this.attempts.reserve("login:a@example.com", LOCKOUT)).isPresent();
	}

	@Test
	void twentyParallelAttemptsReserveExactlyFive() throws Exception {
		List<Optional<Duration>> results = inParallel(20, () -> this.attempts.reserve("login:b@example.com", LOCKOUT));
		assertThat(results).filteredOn(Optional::isEmpty).hasSize(5);
		assertThat(this.attempts.attempts("login:b@example.com")).hasSize(5);
	}

	@Test
	void releasingGivesBackExactlyThatAttempt() {
		IntStream.range(0, 4).forEach((i) -> this.attempts.reserve("login:g@example.com", LOCKOUT, i));
		assertThat(this.attempts.reserve("login:g@example.com", LOCKOUT, 99)).isEmpty();
		assertThat(this.attempts.reserve("login:g@example.com", LOCKOUT, 100)).isPresent();

		this.attempts.release("login:g@example.com", 99);

		assertThat(this.attempts.attempts("login:g@example.com")).hasSize(4);
		assertThat(this.attempts.reserve("login:g@example.com", LOCKOUT, 101)).isEmpty();
		assertThat(this.attempts.reserve("login:g@example.com", LOCKOUT, 102)).isPresent();
	}

	@Test
	void clearingForgetsTheAttempts() {
		IntStream.range(0, 5).forEach((i) -> this.attempts.reserve("login:c@example.com", LOCKOUT));
		this.attempts.clear("login:c@example.com");
		assertThat(this.attempts.reserve("login:c@example.com", LOCKOUT)).isEmpty();
	}

	@Test
	void keysAreIndependent() {
		IntStream.range(0, 5).forEach((i) -> this.attempts.reserve("login:d@example.com", LOCKOUT));
		assertThat(this.attempts.reserve("login:e@example.com", LOCKOUT)).isEmpty();
	}

	@Test
	void mailQuotaAllowsOnePerMinuteAndFivePerHour() throws Exception {
		List<Optional<Duration>> burst = inParallel(10, () -> this.attempts.reserve("mail:f@example.com", MAIL));
		assertThat(burst).filteredOn(Optional::isEmpty).hasSize(1);
		assertThat(burst).filteredOn(Optional::isPresent)
			.allSatisfy((refused) -> assertThat(refused).hasValue(Duration.ofMinutes(1)));
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(this.attempts.reserve("mail:f@example.com", MAIL)).isEmpty();
		}
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.attempts.reserve("mail:f@example.com", MAIL)).hasValue(Duration.ofMinutes(55));
	}

	private static <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
		try (ExecutorService executor = Executors.newFixedThreadPool(count)) {
			List<Future<T>> futures = executor.invokeAll(IntStream.range(0, count).mapToObj((i) -> task).toList());
			List<T> results = new java.util.ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	/** A clock the test moves forward. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
