package dev.keel.data.document;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.keel.data.collection.AccessDecision;
import dev.keel.data.collection.AccessRule;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;

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
	 * @throws KeelProblemException 401 without a token where one is needed, 403 when the
	 * token lacks the role
	 */
	static DocumentScope scope(AccessRule rule, Optional<CurrentCaller> caller) {
		return switch (rule.decide(caller)) {
			case AccessDecision.Everything everything -> DocumentScope.EVERYTHING;
			case AccessDecision.OwnOnly own -> new DocumentScope(own.subject());
			case AccessDecision.Unauthenticated unauthenticated -> throw unauthorized();
			case AccessDecision.Forbidden forbidden -> throw new KeelProblemException(HttpStatus.FORBIDDEN, "forbidden",
					"This collection's '" + rule.text() + "' rule does not let you do this.");
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
		return switch (rule.decide(caller)) {
			case AccessDecision.Everything everything -> true;
			case AccessDecision.OwnOnly own -> own.subject().equals(owner);
			case AccessDecision.Unauthenticated unauthenticated -> false;
			case AccessDecision.Forbidden forbidden -> false;
		};
	}

	private static KeelProblemException unauthorized() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return new KeelProblemException(HttpStatus.UNAUTHORIZED, "unauthorized",
				"This collection needs an access token: send 'Authorization: Bearer <token>'.", headers);
	}

}
