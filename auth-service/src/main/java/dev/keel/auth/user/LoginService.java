package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.keel.auth.token.AccountStatus;
import dev.keel.auth.token.LoginOutcome;
import dev.keel.auth.token.PasswordLogin;
import dev.keel.auth.token.Principal;

/**
 * Password login for the token endpoint. An unknown email, a wrong password and a
 * disabled account all give the same {@link LoginOutcome.Rejected} after the same work
 * (one Argon2 verification, against a dummy hash when there is no user), and all count
 * towards the per-account lockout.
 */
@Service
class LoginService implements PasswordLogin, AccountStatus {

	private final Users users;

	private final LoginFailures failures;

	private final PasswordEncoder encoder;

	private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));

	private final String dummyHash;

	LoginService(Users users, LoginFailures failures, PasswordEncoder encoder) {
		this.users = users;
		this.failures = failures;
		this.encoder = encoder;
		this.dummyHash = encoder.encode("no user has this password, it only costs the same time");
	}

	@Override
	public LoginOutcome login(String email, String password) {
		if (email == null || password == null) {
			return new LoginOutcome.Rejected();
		}
		Instant now = Instant.now();
		Optional<Duration> locked = this.throttle.lockedFor(this.failures.recent(email), now);
		if (locked.isPresent()) {
			return new LoginOutcome.Throttled(locked.get());
		}
		Optional<User> user = this.users.findByEmail(email);
		boolean matches = this.encoder.matches(password, user.map(User::passwordHash).orElse(this.dummyHash));
		if (!matches || user.isEmpty() || user.get().disabled()) {
			this.failures.record(email, now);
			return new LoginOutcome.Rejected();
		}
		this.failures.clear(email);
		upgradeHashIfNeeded(user.get(), password);
		return new LoginOutcome.Authenticated(principal(user.get()));
	}

	@Override
	public Optional<Principal> activePrincipal(String subject) {
		return this.users.findById(subject).filter((user) -> !user.disabled()).map(LoginService::principal);
	}

	private void upgradeHashIfNeeded(User user, String password) {
		if (this.encoder.upgradeEncoding(user.passwordHash())) {
			this.users.update(user.id(), new Update().set("passwordHash", this.encoder.encode(password)));
		}
	}

	static Principal principal(User user) {
		return new Principal(user.id(), user.email(), user.roles(), false);
	}

}
