package dev.keel.auth.mfa;

import org.springframework.http.HttpStatus;

import dev.keel.support.web.KeelProblemException;

/** The problems the account's factor endpoints answer. */
final class TotpProblems {

	private TotpProblems() {
	}

	static KeelProblemException alreadyEnrolled() {
		return new KeelProblemException(HttpStatus.CONFLICT, "mfa_already_enrolled",
				"The account has a confirmed TOTP factor; remove it before enrolling another.");
	}

	static KeelProblemException notEnrolled() {
		return KeelProblemException.notFound("mfa_not_enrolled",
				"The account has no TOTP factor to confirm or remove; start with POST /api/auth/me/mfa/totp.");
	}

	static KeelProblemException wrongCode() {
		return new KeelProblemException(HttpStatus.BAD_REQUEST, "mfa_code_invalid",
				"The code is wrong, or was used already; wait for the next one in your authenticator app.");
	}

	static KeelProblemException locked() {
		return new KeelProblemException(HttpStatus.TOO_MANY_REQUESTS, "mfa_locked",
				"Five wrong codes in " + TotpFactors.GUESS_WINDOW.toMinutes() + " minutes; try again later.");
	}

}
