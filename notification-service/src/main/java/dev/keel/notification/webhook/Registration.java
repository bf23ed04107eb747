package dev.keel.notification.webhook;

import java.util.List;

import dev.keel.support.web.Problems.FieldProblem;

/** What registering a webhook came to. */
sealed interface Registration {

	/** Registered; the view carries the signing secret, shown this once. */
	record Registered(WebhookView.Created webhook) implements Registration {
	}

	/** The request's fields break a rule; nothing was stored. */
	record Invalid(List<FieldProblem> errors) implements Registration {
	}

}
