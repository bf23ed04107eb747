package dev.keel.auth.user;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.keel.auth.user.Outcomes.Change;
import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.EmailTaken;
import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.auth.user.Outcomes.InvalidToken;
import dev.keel.auth.user.Outcomes.NotAnonymous;
import dev.keel.auth.user.Outcomes.NotFound;
import dev.keel.auth.user.Outcomes.Throttled;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Problems;

/**
 * Maps the user features' outcomes to HTTP: the one place their statuses and codes are
 * chosen.
 */
final class Responses {

	private Responses() {
	}

	/** The changed user, or the problem that explains why there is none. */
	static User user(Change change) {
		return switch (change) {
			case Done done -> done.user();
			case Invalid invalid -> throw invalid(invalid);
			case EmailTaken taken -> throw new KeelProblemException(HttpStatus.CONFLICT, "email_taken",
					"An account with this email already exists.");
			case InvalidToken invalid -> throw new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_token",
					"The link is invalid, already used or expired. Request a new one.");
			case Throttled throttled -> throw throttled(throttled);
			case NotAnonymous notAnonymous -> throw new KeelProblemException(HttpStatus.CONFLICT, "not_anonymous",
					"This account already has an email and a password; only an anonymous user can be upgraded.");
			case NotFound missing -> throw userGone();
		};
	}

	static ErrorResponseException invalid(Invalid invalid) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				Problems.validation("The request has invalid fields.", invalid.errors()), null);
	}

	static KeelProblemException throttled(Throttled throttled) {
		long seconds = PasswordHashingBusy.seconds(throttled.retryAfter());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return new KeelProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
				"An email of this kind was sent to this address moments ago; try again in " + seconds + " seconds.",
				headers);
	}

	static KeelProblemException userGone() {
		return KeelProblemException.notFound("user_not_found", "No user has this id.");
	}

}
