package dev.keel.auth.user;

import java.time.Duration;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.keel.auth.token.SessionRevocation;
import dev.keel.auth.user.OneTimeTokens.Issued;
import dev.keel.auth.user.OneTimeTokens.Purpose;
import dev.keel.auth.user.Outcomes.Change;
import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.auth.user.Outcomes.InvalidToken;
import dev.keel.auth.user.Outcomes.NotFound;
import dev.keel.auth.user.Outcomes.Throttled;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.PasswordResetRequested;

/**
 * Email verification and password reset. The tokens travel in events to
 * notification-service, which emails the links; they are single use and expire (24 h and
 * 1 h by default). Each address gets at most one email of each kind per minute and five
 * per hour (configurable), counted across instances, so neither endpoint can flood an
 * inbox.
 */
@Service
class RecoveryService {

	private final Users users;

	private final OneTimeTokens tokens;

	private final UserEvents events;

	private final PasswordPolicy policy;

	private final UserService userService;

	private final SessionRevocation sessions;

	private final UserProperties properties;

	private final RecentAttempts mailSends;

	RecoveryService(Users users, OneTimeTokens tokens, UserEvents events, PasswordPolicy policy,
			UserService userService, SessionRevocation sessions, UserProperties properties, RecentAttempts mailSends) {
		this.users = users;
		this.tokens = tokens;
		this.events = events;
		this.policy = policy;
		this.userService = userService;
		this.sessions = sessions;
		this.properties = properties;
		this.mailSends = mailSends;
	}

	Change verifyEmail(String token) {
		Optional<User> user = this.tokens.redeem(token, Purpose.VERIFY_EMAIL).flatMap(this.users::findById);
		if (user.isEmpty()) {
			return new InvalidToken();
		}
		if (user.get().emailVerified()) {
			return new Done(user.get());
		}
		Update update = this.events.appendTo(new Update().set("emailVerified", true),
				EmailVerified.of(user.get().id(), user.get().email()));
		return this.users.update(user.get().id(), update).<Change>map(Done::new).orElseGet(NotFound::new);
	}

	/**
	 * Sends a new verification link unless the email is already verified, or the address
	 * got one too recently.
	 */
	Change resendVerification(String userId) {
		Optional<User> found = this.users.findById(userId);
		if (found.isEmpty()) {
			return new NotFound();
		}
		User user = found.get();
		if (user.emailVerified()) {
			return new Done(user);
		}
		Optional<Duration> throttled = this.mailSends.reserve(mailKey(Purpose.VERIFY_EMAIL, user),
				this.properties.mail().quota());
		if (throttled.isPresent()) {
			return new Throttled(throttled.get());
		}
		Issued link = this.tokens.issue(user.id(), Purpose.VERIFY_EMAIL, this.properties.verificationTokenLifetime());
		Update update = this.events.appendTo(new Update(), EmailVerificationRequested.of(user.id(), user.email(),
				user.displayName(), link.token(), link.expiresAt()));
		return this.users.update(user.id(), update).<Change>map(Done::new).orElseGet(NotFound::new);
	}

	/**
	 * Sends a reset link when the account exists, is enabled and the address did not get
	 * one too recently; the caller learns nothing either way.
	 */
	void forgotPassword(String email) {
		this.users.findByEmail(email)
			.filter((user) -> !user.disabled())
			.filter((user) -> this.mailSends
				.reserve(mailKey(Purpose.RESET_PASSWORD, user), this.properties.mail().quota())
				.isEmpty())
			.ifPresent((user) -> {
				Issued link = this.tokens.issue(user.id(), Purpose.RESET_PASSWORD,
						this.properties.resetTokenLifetime());
				this.users.update(user.id(), this.events.appendTo(new Update(), PasswordResetRequested.of(user.id(),
						user.email(), user.displayName(), link.token(), link.expiresAt())));
			});
	}

	/** One throttle per kind of email and address. */
	private static String mailKey(Purpose purpose, User user) {
		return "mail:" + purpose.name().toLowerCase(java.util.Locale.ROOT) + ":" + User.normalize(user.email());
	}

	/** Sets a new password from a reset link and ends every session of the user. */
	Change resetPassword(String token, String newPassword) {
		Optional<String> weak = this.policy.problem(newPassword);
		if (weak.isPresent()) {
			return Invalid.of("newPassword", weak.get());
		}
		if (!this.tokens.usable(token, Purpose.RESET_PASSWORD)) {
			return new InvalidToken();
		}
		// hashed before the link is spent: a busy moment (503) must not cost the user the
		// link
		String encoded = this.userService.encode(newPassword);
		Optional<User> user = this.tokens.redeem(token, Purpose.RESET_PASSWORD).flatMap(this.users::findById);
		if (user.isEmpty()) {
			return new InvalidToken();
		}
		Change changed = this.userService.setEncodedPassword(user.get(), encoded);
		this.sessions.revokeAllSessions(user.get().id());
		return changed;
	}

}
