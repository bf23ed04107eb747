package dev.keel.auth.user;

import java.util.Optional;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.keel.auth.token.LoginOutcome;
import dev.keel.auth.token.OtpLogin;
import dev.keel.auth.user.OtpCodes.Issued;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.OtpRequested;

/**
 * Passwordless email sign-in. A request sends an existing, enabled account a 6-digit code
 * and a link (through {@code keel.user.otp-requested} to notification-service), at most
 * as often as the mail throttle allows per address; the caller learns nothing about
 * whether the address has an account. Redeeming the code signs the user in and verifies
 * the address, since only its owner could read the code.
 */
@Service
class OtpService implements OtpLogin {

	private final Users users;

	private final OtpCodes codes;

	private final UserEvents events;

	private final RecentAttempts mailSends;

	private final UserProperties properties;

	OtpService(Users users, OtpCodes codes, UserEvents events, RecentAttempts mailSends, UserProperties properties) {
		this.users = users;
		this.codes = codes;
		this.events = events;
		this.mailSends = mailSends;
		this.properties = properties;
	}

	/** Sends a code and a link when the account exists, is enabled and not throttled. */
	void request(String email) {
		this.users.findByEmail(email)
			.filter((user) -> !user.disabled())
			.filter((user) -> this.mailSends.reserve(mailKey(user), this.properties.mail().quota()).isEmpty())
			.ifPresent((user) -> {
				Issued issued = this.codes.issue(user.id());
				this.users.update(user.id(), this.events.appendTo(new Update(), OtpRequested.of(user.id(), user.email(),
						user.displayName(), issued.code(), issued.token(), issued.expiresAt())));
			});
	}

	@Override
	public LoginOutcome redeem(String email, String code) {
		if (email == null || code == null) {
			return new LoginOutcome.Rejected();
		}
		Optional<User> user = this.users.findByEmail(email).filter((found) -> !found.disabled());
		if (user.isEmpty() || !this.codes.redeem(user.get().id(), code)) {
			return new LoginOutcome.Rejected();
		}
		return signIn(user.get());
	}

	private LoginOutcome signIn(User user) {
		return new LoginOutcome.Authenticated(LoginService.principal(verified(user)));
	}

	/** Only the address's owner could read the code: the address is verified. */
	private User verified(User user) {
		if (user.emailVerified()) {
			return user;
		}
		Update update = this.events.appendTo(new Update().set("emailVerified", true),
				EmailVerified.of(user.id(), user.email()));
		return this.users.update(user.id(), update).orElse(user);
	}

	private static String mailKey(User user) {
		return "mail:otp:" + User.normalize(user.email());
	}

}
