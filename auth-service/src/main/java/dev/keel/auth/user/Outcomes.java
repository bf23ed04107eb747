package dev.keel.auth.user;

import java.time.Duration;
import java.util.List;

import dev.keel.support.web.Problems.FieldProblem;

/**
 * Expected rejections of the user features, as values the controllers map to statuses.
 */
final class Outcomes {

	private Outcomes() {
	}

	sealed interface Change {

	}

	/** The change was made. */
	record Done(User user) implements Change {
	}

	/** The result of listing users. */
	sealed interface Listing {

	}

	/** A page of the API's cursor pagination. */
	record Page(List<UserView> items, String nextCursor) implements Listing {
	}

	/** The request's fields break a rule (400 with field errors). */
	record Invalid(List<FieldProblem> errors) implements Change, Listing {

		static Invalid of(String field, String message) {
			return new Invalid(List.of(new FieldProblem(field, message)));
		}

	}

	/** Signup with an email that already has an account (409 {@code email_taken}). */
	record EmailTaken() implements Change {
	}

	/**
	 * A verification or reset token that is unknown, used or expired (400
	 * {@code invalid_token}).
	 */
	record InvalidToken() implements Change {
	}

	/**
	 * Too many emails of this kind to the address lately (429 {@code rate_limited} with
	 * {@code Retry-After}).
	 */
	record Throttled(Duration retryAfter) implements Change {
	}

	/**
	 * An upgrade of a user who is not anonymous (any more): 409 {@code not_anonymous}.
	 */
	record NotAnonymous() implements Change {
	}

	/** No such user (404). */
	record NotFound() implements Change {
	}

}
