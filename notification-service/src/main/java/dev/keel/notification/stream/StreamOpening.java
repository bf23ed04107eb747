package dev.keel.notification.stream;

/** What asking for a stream came to. */
sealed interface StreamOpening {

	/** The stream runs; closing the connection ends it. */
	record Opened(StreamConnection connection) implements StreamOpening {
	}

	/** This instance is shutting down and takes no new streams; the client reconnects. */
	record ShuttingDown() implements StreamOpening {
	}

	/** The account is disabled: it receives no notifications. */
	record AccountDisabled() implements StreamOpening {
	}

}
