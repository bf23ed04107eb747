package dev.keel.auth.user;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.keel.support.web.KeelProblemException;

/**
 * Every password-hashing slot stayed taken for the whole wait: the caller should try
 * again shortly (503 {@code service_unavailable} with {@code Retry-After}). The token
 * endpoint turns it into RFC 6749's {@code temporarily_unavailable} instead.
 */
class PasswordHashingBusy extends KeelProblemException {

	private final Duration retryAfter;

	PasswordHashingBusy(Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
				"Too many password checks are running; try again in " + seconds(retryAfter) + " seconds.",
				retryAfterHeader(retryAfter));
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	private static HttpHeaders retryAfterHeader(Duration retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
		return headers;
	}

	static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
