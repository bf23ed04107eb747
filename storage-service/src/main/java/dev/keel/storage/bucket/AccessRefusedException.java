package dev.keel.storage.bucket;

import dev.keel.support.access.AccessDecision;
import dev.keel.support.access.AccessRule;

/**
 * A bucket's rule does not let the caller do what they asked: they need a token (401
 * {@code unauthorized}) or a role their token lacks (403 {@code forbidden}).
 */
public class AccessRefusedException extends RuntimeException {

	private final boolean tokenNeeded;

	public AccessRefusedException(AccessRule rule, AccessDecision decision) {
		this(decision instanceof AccessDecision.Unauthenticated,
				(decision instanceof AccessDecision.Unauthenticated)
						? "This bucket needs an access token: send 'Authorization: Bearer <token>'."
						: "This bucket's '" + rule.text() + "' rule does not let you do this.");
	}

	public AccessRefusedException(boolean tokenNeeded, String message) {
		super(message);
		this.tokenNeeded = tokenNeeded;
	}

	/** Only admins manage buckets. */
	public static AccessRefusedException adminOnly() {
		return new AccessRefusedException(false, "Only admins may define or delete buckets.");
	}

	/** Whether a token would help: the request had none. */
	public boolean tokenNeeded() {
		return this.tokenNeeded;
	}

}
