package dev.keel.auth.audit;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.keel.support.web.Paging;

/**
 * Where the next page of the audit log starts: the time and id of the last entry shown,
 * so that entries recorded meanwhile neither shift a page nor repeat. A cursor that does
 * not hold such a position is a 400 {@code invalid_cursor}.
 *
 * @param at the last entry's time
 * @param id the last entry's id
 */
record AuditCursor(Instant at, String id) {

	private static final Pattern POSITION = Pattern.compile("(\\d{1,15})\\.([0-9a-f]{24})");

	static @Nullable AuditCursor decode(@Nullable String cursor) {
		String position = Paging.position(cursor);
		if (position == null) {
			return null;
		}
		Matcher matcher = POSITION.matcher(position);
		if (!matcher.matches()) {
			throw Paging.invalidCursor();
		}
		return new AuditCursor(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))), matcher.group(2));
	}

	String encode() {
		return Paging.cursor(this.at.toEpochMilli() + "." + this.id);
	}

}
