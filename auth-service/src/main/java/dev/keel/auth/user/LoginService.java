package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditFact;
import dev.keel.auth.audit.AuditLog;
import dev.keel.auth.audit.AuditMethod;
import dev.keel.auth.token.AccountStatus;
import dev.keel.auth.token.LoginOutcome;
import dev.keel.auth.token.PasswordLogin;
import dev.keel.auth.token.Principal;

/**
 * Password login for the token endpoint. Each attempt is counted against the account
 * <em>before</em> the password is checked, so at most five guesses per account are ever
 * checked within 15 minutes, however many arrive at once. An unknown email, a wrong
 * password and a disabled account all give the same {@link LoginOutcome.Rejected} after
 * the same work (one Argon2 verification, against a dummy hash when there is no user),
 * and all count towards the lockout.
 */
@Service
class LoginService implements PasswordLogin, AccountStatus {

	static final AttemptQuota LOCKOUT = new AttemptQuota(5, Duration.ofMinutes(15));

	private final Users users;

	private final RecentAttempts attempts;

	private final PasswordEncoder encoder;

	private final String dummyHash;

	private final AuditLog audit;

	LoginService(Users users, RecentAttempts attempts, PasswordEncoder encoder, AuditLog audit) {
		this.users = users;
		this.attempts = attempts;
		this.encoder = encoder;
		this.audit = audit;
		this.dummyHash = encoder.encode("no user has this password, it only costs the same time");
	}

	@Override
	public LoginOutcome login(String email, String password) {
		if (email == null || password == null) {
			return new LoginOutcome.Rejected();
		}
		String key = key(email);
		long attempt = ThreadLocalRandom.current().nextLong();
		Optional<Duration> locked = this.attempts.reserve(key, LOCKOUT, attempt);
		if (locked.isPresent()) {
			return new LoginOutcome.Throttled(locked.get());
		}
		Optional<User> user = this.users.findByEmail(email);
		try {
			boolean matches = this.encoder.matches(password, user.map(User::passwordHash).orElse(this.dummyHash));
			if (!matches || user.isEmpty() || user.get().disabled()) {
				recordRefusal(key, user.map(User::id).orElse(null));
				return new LoginOutcome.Rejected();
			}
		}
		catch (PasswordHashingBusy busy) {
			// No password was checked: the attempt is given back, so that a user whose
			// logins met a burst is not locked out. Guesses still get at most five
			// checks.
			this.attempts.release(key, attempt);
			return new LoginOutcome.Busy(busy.retryAfter());
		}
		this.attempts.clear(key);
		this.audit.record(AuditFact.signedIn(user.get().id(), AuditMethod.PASSWORD));
		upgradeHashIfNeeded(user.get(), password);
		return new LoginOutcome.Authenticated(principal(user.get()));
	}

	/**
	 * Records a refused password and, when it was the one that filled the quota, the
	 * lockout it starts. The subject is the account's id only: an unknown email is never
	 * stored, as people type passwords into the email field.
	 */
	private void recordRefusal(String key, String userId) {
		this.audit.record(AuditFact.signInFailed(userId, AuditMethod.PASSWORD));
		List<Instant> recent = this.attempts.attempts(key);
		if (recent.size() == LOCKOUT.maxAttempts() && LOCKOUT.refusedFor(recent, Instant.now()).isPresent()) {
			this.audit.record(AuditFact.lockedOut(userId, AuditMethod.PASSWORD));
		}
	}

	@Override
	public Optional<Principal> activePrincipal(String subject) {
		return this.users.findById(subject).filter((user) -> !user.disabled()).map(LoginService::principal);
	}

	private void upgradeHashIfNeeded(User user, String password) {
		if (this.encoder.upgradeEncoding(user.passwordHash())) {
			try {
				this.users.update(user.id(), new Update().set("passwordHash", this.encoder.encode(password)));
			}
			catch (PasswordHashingBusy busy) {
				// upgraded at a quieter login
			}
		}
	}

	static String key(String email) {
		return "login:" + User.normalize(email);
	}

	static Principal principal(User user) {
		return new Principal(user.id(), user.email(), user.roles(), false);
	}

}
