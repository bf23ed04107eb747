package dev.keel.auth.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import dev.keel.support.web.KeelProblemException;

/**
 * The filters of an audit listing, checked: a filter the log cannot answer is a 400
 * {@code invalid_filter}, never an empty page.
 *
 * @param equalities stored field to the value it must have
 * @param from entries at or after this time, or {@code null}
 * @param to entries before this time, or {@code null}
 * @param after the position the page starts after, or {@code null} for the first page
 */
record AuditQuery(Map<String, String> equalities, @Nullable Instant from, @Nullable Instant to,
		@Nullable AuditCursor after) {

	private static final int MAX_ID = 200;

	static AuditQuery of(@Nullable String actor, @Nullable String subject, @Nullable String action,
			@Nullable String outcome, @Nullable String from, @Nullable String to, @Nullable String cursor) {
		Map<String, String> equalities = new LinkedHashMap<>();
		putId(equalities, "actor", actor);
		putId(equalities, "subject", subject);
		if (present(action)) {
			equalities.put("action",
					AuditAction.of(action)
						.orElseThrow(() -> invalid("action", "is not one of the recorded actions"))
						.value());
		}
		if (present(outcome)) {
			if (!outcome.equals("success") && !outcome.equals("failure")) {
				throw invalid("outcome", "must be success or failure");
			}
			equalities.put("outcome", outcome);
		}
		Instant start = instant("from", from);
		Instant end = instant("to", to);
		if (start != null && end != null && !start.isBefore(end)) {
			throw invalid("from", "must be before to");
		}
		return new AuditQuery(equalities, start, end, AuditCursor.decode(cursor));
	}

	private static void putId(Map<String, String> equalities, String field, @Nullable String id) {
		if (present(id)) {
			if (id.length() > MAX_ID) {
				throw invalid(field, "is longer than " + MAX_ID + " characters");
			}
			equalities.put(field, id);
		}
	}

	private static @Nullable Instant instant(String field, @Nullable String value) {
		if (!present(value)) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, "must be an ISO-8601 instant such as 2026-12-08T01:00:00Z");
		}
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isEmpty();
	}

	private static KeelProblemException invalid(String field, String reason) {
		return new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_filter", field + " " + reason + ".");
	}

}
