package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditFact;
import dev.keel.auth.token.LoginOutcome;
import dev.keel.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password login on the real MongoDB-wire store, with an encoder that counts the
 * passwords it checks: the lockout is reserved before the hash, so parallel guesses never
 * get more than five checks.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class LoginServiceIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private final CountingEncoder encoder = new CountingEncoder();

	private final RecordingAuditLog audit = new RecordingAuditLog();

	private MongoClient client;

	private MongoTemplate mongo;

	private LoginService logins;

	@BeforeEach
	void openDatabase() {
		this.client = MongoClients.create(EmbeddedInfrastructure.mongoUri());
		this.mongo = new MongoTemplate(this.client, "keel_auth_login_" + UUID.randomUUID().toString().substring(0, 8));
		Users users = new Users(this.mongo, null, null);
		users.afterPropertiesSet();
		RecentAttempts attempts = new RecentAttempts(this.mongo);
		attempts.afterPropertiesSet();
		this.logins = new LoginService(users, attempts, this.encoder, this.audit);
		this.encoder.checks.set(0);
	}

	@AfterEach
	void dropDatabase() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void twentyParallelGuessesCheckAtMostFivePasswordsAndLockTheAccount() throws Exception {
		String email = aUser();
		List<LoginOutcome> outcomes = inParallel(20, () -> this.logins.login(email, "wrong guess"));

		assertThat(this.encoder.checks.get()).isLessThanOrEqualTo(5);
		assertThat(outcomes).filteredOn(LoginOutcome.Rejected.class::isInstance).hasSize(5);
		assertThat(outcomes).filteredOn(LoginOutcome.Throttled.class::isInstance).hasSize(15);
		assertThat(this.logins.login(email, PASSWORD)).isInstanceOf(LoginOutcome.Throttled.class);
		assertThat(this.encoder.checks.get()).isLessThanOrEqualTo(5);
		assertThat(this.audit.facts).extracting(AuditFact::action)
			.containsOnly(AuditAction.SIGN_IN_FAILED, AuditAction.LOCKOUT)
			.filteredOn(AuditAction.SIGN_IN_FAILED::equals)
			.hasSize(5);
	}

	@Test
	void anUnknownEmailCostsOneCheckPerAttemptAndLocksTheSame() {
		IntStream.range(0, 5)
			.forEach((i) -> assertThat(this.logins.login("nobody@example.com", "guess"))
				.isInstanceOf(LoginOutcome.Rejected.class));

		assertThat(this.encoder.checks.get()).isEqualTo(5);
		assertThat(this.logins.login("NOBODY@example.com", "guess")).isInstanceOf(LoginOutcome.Throttled.class);
	}

	@Test
	void aSuccessfulLoginClearsEarlierFailures() {
		String email = aUser();
		IntStream.range(0, 4).forEach((i) -> this.logins.login(email, "wrong guess"));

		assertThat(this.logins.login(email, PASSWORD)).isInstanceOf(LoginOutcome.Authenticated.class);
		IntStream.range(0, 4)
			.forEach((i) -> assertThat(this.logins.login(email, "wrong again"))
				.isInstanceOf(LoginOutcome.Rejected.class));
	}

	@Test
	void aBusyEncoderAnswersBusyWithRetryAfter() {
		String email = aUser();
		this.encoder.busy = true;

		assertThat(this.logins.login(email, PASSWORD)).isEqualTo(new LoginOutcome.Busy(Duration.ofSeconds(2)));
	}

	@Test
	void loginsRefusedAsBusyNeverCheckedAPasswordSoTheyDoNotLockTheAccount() {
		String email = aUser();
		this.encoder.busy = true;
		IntStream.range(0, 10).forEach((i) -> this.logins.login(email, PASSWORD));
		this.encoder.busy = false;

		assertThat(this.logins.login(email, PASSWORD)).isInstanceOf(LoginOutcome.Authenticated.class);
	}

	private String aUser() {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		Instant now = Instant.now();
		this.mongo.insert(new User(UUID.randomUUID().toString(), email, "User", "{plain}" + PASSWORD,
				List.of(User.DEFAULT_ROLE), true, false, now, now));
		return email;
	}

	private static <T> List<T> inParallel(int count, java.util.concurrent.Callable<T> task) throws Exception {
		try (ExecutorService executor = Executors.newFixedThreadPool(count)) {
			List<Future<T>> futures = executor.invokeAll(IntStream.range(0, count).mapToObj((i) -> task).toList());
			List<T> results = new java.util.ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	/** Plain-text "hashes" that count how many passwords were checked. */
	private static final class CountingEncoder implements PasswordEncoder {

		private final AtomicInteger checks = new AtomicInteger();

		private volatile boolean busy;

		@Override
		public String encode(CharSequence rawPassword) {
			return "{plain}" + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (this.busy) {
				throw new PasswordHashingBusy(Duration.ofSeconds(2));
			}
			this.checks.incrementAndGet();
			return encodedPassword.equals("{plain}" + rawPassword);
		}

	}

}
