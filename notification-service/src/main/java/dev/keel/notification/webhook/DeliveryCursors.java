package dev.keel.notification.webhook;

import java.time.Instant;

import dev.keel.notification.webhook.DeliveryStore.Position;
import dev.keel.support.web.Paging;

/** The positions that delivery-list cursors stand for: creation time and id. */
final class DeliveryCursors {

	private DeliveryCursors() {
	}

	static String cursor(Delivery delivery) {
		return Paging.cursor(delivery.createdAt().toEpochMilli() + ":" + delivery.id());
	}

	static Position position(String text) {
		if (text == null) {
			return null;
		}
		int colon = text.indexOf(':');
		try {
			if (colon > 0 && text.startsWith("msg_", colon + 1)) {
				return new Position(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))),
						text.substring(colon + 1));
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw Paging.invalidCursor();
	}

}
