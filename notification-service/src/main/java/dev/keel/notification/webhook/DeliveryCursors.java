package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.Optional;

import dev.keel.notification.webhook.DeliveryStore.Position;
import dev.keel.support.web.Paging;

/** The positions that delivery-list cursors stand for: creation time and id. */
final class DeliveryCursors {

	private DeliveryCursors() {
	}

	static String cursor(Delivery delivery) {
		return Paging.cursor(delivery.createdAt().toEpochMilli() + ":" + delivery.id());
	}

	/**
	 * The position a decoded cursor names.
	 * @param text the cursor's position text
	 * @return the position, or empty if the text is not one of this list's
	 */
	static Optional<Position> position(String text) {
		int colon = text.indexOf(':');
		try {
			if (colon > 0 && text.startsWith("msg_", colon + 1)) {
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
