package dev.keel.data.document;

import java.util.Optional;

import dev.keel.support.access.AccessDecision;
import dev.keel.support.access.AccessRule;
import dev.keel.support.security.CurrentCaller;

/**
 * Turns an access rule into the scope every read and write of the request is restricted
 * to, so that documents the caller may not see do not exist for them: not by id, not in
 * queries, not in counts.
 */
final class DocumentAccess {

	private DocumentAccess() {
	}

	/**
	 * What the caller may touch under the rule.
	 * @throws AccessRefusedException without a token where one is needed, or when the
	 * token lacks the role
	 */
	static DocumentScope scope(AccessRule rule, Optional<CurrentCaller> caller) {
		AccessDecision decision = rule.decide(caller);
		return switch (decision) {
			case AccessDecision.Everything everything -> DocumentScope.EVERYTHING;
			case AccessDecision.OwnOnly own -> new DocumentScope(own.subject());
			case AccessDecision.Unauthenticated unauthenticated -> throw new AccessRefusedException(rule, decision);
			case AccessDecision.Forbidden forbidden -> throw new AccessRefusedException(rule, decision);
		};
	}

	/**
	 * Whether the caller may read a document under the rule: the check that decides if a
	 * write's answer may carry the document, so that being allowed to write never shows
	 * what the read rule hides.
	 * @param rule the collection's {@code read} rule
	 * @param caller the caller, empty without a token
	 * @param owner the document's {@code _owner}, or {@code null}
	 * @return {@code true} when a read by id would find the document
	 */
	static boolean mayRead(AccessRule rule, Optional<CurrentCaller> caller, String owner) {
		return rule.permits(caller, owner);
	}

}
