package dev.keel.data.document;

import dev.keel.support.access.AccessDecision;
import dev.keel.support.access.AccessRule;

/**
 * A collection's rule does not let the caller do what they asked: they need a token (401
 * {@code unauthorized}) or a role their token lacks (403 {@code forbidden}).
 */
public final class AccessRefusedException extends RuntimeException {

	private final boolean tokenNeeded;

	AccessRefusedException(AccessRule rule, AccessDecision decision) {
		super((decision instanceof AccessDecision.Unauthenticated)
				? "This collection needs an access token: send 'Authorization: Bearer <token>'."
				: "This collection's '" + rule.text() + "' rule does not let you do this.");
		this.tokenNeeded = decision instanceof AccessDecision.Unauthenticated;
	}

	/** Whether a token would help: the request had none. */
	public boolean tokenNeeded() {
		return this.tokenNeeded;
	}

}
