package dev.keel.notification.webhook;

/** What asking for a delivery to be retried came to. */
sealed interface RetryOutcome {

	/** Queued for an attempt now. */
	record Requeued() implements RetryOutcome {
	}

	/** It succeeded already: nothing to retry. */
	record AlreadySucceeded() implements RetryOutcome {
	}

	/** An attempt is under way; its outcome decides what happens next. */
	record InProgress() implements RetryOutcome {
	}

	/** There is no such webhook. */
	record WebhookNotFound() implements RetryOutcome {
	}

	/** The webhook has no such delivery. */
	record DeliveryNotFound() implements RetryOutcome {
	}

}
