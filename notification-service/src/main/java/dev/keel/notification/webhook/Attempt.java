package dev.keel.notification.webhook;

import java.time.Instant;

/**
 * One attempt at a delivery, as its log keeps it.
 *
 * @param at when it started
 * @param statusCode the receiver's HTTP status, or {@code null} when none came (timeout,
 * refused connection, refused target)
 * @param error why it failed, or {@code null} when it succeeded
 * @param durationMs how long it took
 */
record Attempt(Instant at, Integer statusCode, String error, long durationMs) {

	boolean succeeded() {
		return this.error == null;
	}

}
