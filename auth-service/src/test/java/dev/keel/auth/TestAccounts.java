package dev.keel.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.keel.auth.token.AccountStatus;
import dev.keel.auth.token.LoginOutcome;
import dev.keel.auth.token.PasswordLogin;
import dev.keel.auth.token.Principal;

/**
 * Test stand-in for the user feature's side of the token contracts: users in a map, for
 * tests only. Each test makes its own users, so tests sharing the context do not meet.
 */
public class TestAccounts implements PasswordLogin, AccountStatus {

	public static final String PASSWORD = "correct horse battery staple";

	private final Map<String, Account> byEmail = new ConcurrentHashMap<>();

	private final Map<String, String> emailBySubject = new ConcurrentHashMap<>();

	/** A new active user with the given roles. */
	public Principal user(String... roles) {
		String id = "user-" + UUID.randomUUID();
		Principal principal = new Principal(id, id + "@example.com", List.of(roles), false);
		this.byEmail.put(principal.email(), new Account(principal, false, null));
		this.emailBySubject.put(id, principal.email());
		return principal;
	}

	public Principal admin() {
		return user("user", "admin");
	}

	public void disable(String subject) {
		update(subject, (account) -> new Account(account.principal(), true, account.throttledFor()));
	}

	public void changeRoles(String subject, String... roles) {
		update(subject,
				(account) -> new Account(new Principal(subject, account.principal().email(), List.of(roles), false),
						account.disabled(), account.throttledFor()));
	}

	public void throttle(String subject, Duration retryAfter) {
		update(subject, (account) -> new Account(account.principal(), account.disabled(), retryAfter));
	}

	@Override
	public LoginOutcome login(String email, String password) {
		Account account = this.byEmail.get(email.toLowerCase(Locale.ROOT));
		if (account != null && account.throttledFor() != null) {
			return new LoginOutcome.Throttled(account.throttledFor());
		}
		if (account == null || account.disabled() || !PASSWORD.equals(password)) {
			return new LoginOutcome.Rejected();
		}
		return new LoginOutcome.Authenticated(account.principal());
	}

	@Override
	public Optional<Principal> activePrincipal(String subject) {
		return Optional.ofNullable(this.emailBySubject.get(subject))
			.map(this.byEmail::get)
			.filter((account) -> !account.disabled())
			.map(Account::principal);
	}

	private void update(String subject, java.util.function.UnaryOperator<Account> change) {
		this.byEmail.computeIfPresent(this.emailBySubject.get(subject), (email, account) -> change.apply(account));
	}

	private record Account(Principal principal, boolean disabled, Duration throttledFor) {
	}

	/** Puts the accounts in the context ahead of any real implementation. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestAccounts testAccounts() {
			return new TestAccounts();
		}

	}

}
