package dev.keel.notification.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a delivery stands. */
enum DeliveryStatus {

	/** Waiting for its first attempt, or re-queued by hand. */
	PENDING,

	/** Delivered: the receiver answered 2xx. */
	SUCCEEDED,

	/** The last attempt failed; another is scheduled. */
	FAILED,

	/** Every scheduled attempt failed, or its webhook was deleted; no more attempts. */
	DEAD;

	/** The name the API and the database use. */
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<DeliveryStatus> of(String value) {
		return Arrays.stream(values()).filter((status) -> status.value().equals(value)).findFirst();
	}

}
