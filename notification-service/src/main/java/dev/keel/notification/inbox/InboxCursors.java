package dev.keel.notification.inbox;

import java.time.Instant;
import java.util.Optional;

import dev.keel.notification.inbox.InboxStore.Position;
import dev.keel.support.web.Paging;

/** The positions that inbox cursors stand for: creation time and id. */
final class InboxCursors {

	private InboxCursors() {
	}

	static String cursor(Notification item) {
		return Paging.cursor(item.createdAt().toEpochMilli() + ":" + item.id());
	}

	/**
	 * The position a decoded cursor names.
	 * @param text the cursor's position text
	 * @return the position, or empty if the text is not one of this list's
	 */
	static Optional<Position> position(String text) {
		int colon = text.indexOf(':');
		try {
			if (colon > 0 && text.startsWith("ntf_", colon + 1)) {
				return Optional.of(new Position(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))),
						text.substring(colon + 1)));
			}
		}
		catch (NumberFormatException ex) {
			// not a position
		}
		return Optional.empty();
	}

}
