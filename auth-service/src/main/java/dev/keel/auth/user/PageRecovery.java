package dev.keel.auth.user;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import dev.keel.auth.account.AccountRecovery;
import dev.keel.auth.account.RecoveryResult;
import dev.keel.auth.user.Outcomes.Change;
import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.EmailTaken;
import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.auth.user.Outcomes.InvalidToken;
import dev.keel.auth.user.Outcomes.NotAnonymous;
import dev.keel.auth.user.Outcomes.NotFound;
import dev.keel.auth.user.Outcomes.Throttled;

/**
 * The account pages' way into {@link RecoveryService} and, for sign-in links,
 * {@link OtpService}: the same operations, checks and throttles as the endpoints of
 * API.md §2, with the outcomes as {@link RecoveryResult}s instead of HTTP answers.
 */
@Component
class PageRecovery implements AccountRecovery {

	private final RecoveryService recovery;

	private final Validator validator;

	private final OtpService otp;

	PageRecovery(RecoveryService recovery, Validator validator, OtpService otp) {
		this.recovery = recovery;
		this.validator = validator;
		this.otp = otp;
	}

	@Override
	public Optional<String> signInLinkTarget(String token) {
		return this.otp.linkTarget(token);
	}

	@Override
	public Optional<String> signInWithLink(String token) {
		return this.otp.signInWithLink(token);
	}

	@Override
	public RecoveryResult verifyEmail(String token) {
		return result(this.recovery.verifyEmail(token));
	}

	@Override
	public RecoveryResult resetPassword(String token, String newPassword) {
		try {
			return result(this.recovery.resetPassword(token, newPassword));
		}
		catch (PasswordHashingBusy ex) {
			// hashed before the link is spent: nothing was changed
			return new RecoveryResult.Unavailable();
		}
	}

	@Override
	public RecoveryResult forgotPassword(String email) {
		// the endpoint's own checks on the address (API.md §2)
		Set<ConstraintViolation<UserRequests.Forgot>> violations = this.validator
			.validate(new UserRequests.Forgot(email));
		if (!violations.isEmpty()) {
			ConstraintViolation<UserRequests.Forgot> violation = violations.iterator().next();
			return new RecoveryResult.Refused("email", violation.getMessage());
		}
		this.recovery.forgotPassword(email);
		return new RecoveryResult.Done();
	}

	private static RecoveryResult result(Change change) {
		return switch (change) {
			case Done done -> new RecoveryResult.Done();
			case Invalid invalid ->
				new RecoveryResult.Refused(invalid.errors().getFirst().field(), invalid.errors().getFirst().message());
			case InvalidToken invalid -> new RecoveryResult.InvalidLink();
			case NotFound missing -> new RecoveryResult.InvalidLink();
			case Throttled throttled -> new RecoveryResult.Busy(throttled.retryAfter());
			case EmailTaken taken -> new RecoveryResult.Refused("email", "is already taken");
			// recovery never upgrades anyone
			case NotAnonymous notAnonymous -> new RecoveryResult.InvalidLink();
		};
	}

}
