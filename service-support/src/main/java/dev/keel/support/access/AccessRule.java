package dev.keel.support.access;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.keel.support.security.CurrentCaller;

/**
 * Who may do one kind of operation on a collection's documents. Written as
 * {@code public}, {@code authenticated}, {@code owner} or {@code role:<name>}; the
 * {@code admin} role passes every rule.
 */
public sealed interface AccessRule {

	Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	/**
	 * Reads a rule as it appears in a collection definition.
	 * @param text the rule
	 * @return the rule, or empty when the text is not one
	 */
	static Optional<AccessRule> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return switch (text) {
			case "public" -> Optional.of(new Public());
			case "authenticated" -> Optional.of(new Authenticated());
			case "owner" -> Optional.of(new Owner());
			default -> text.startsWith("role:") && ROLE_NAME.matcher(text.substring(5)).matches()
					? Optional.of(new Role(text.substring(5))) : Optional.empty();
		};
	}

	/**
	 * Whether a caller may act on a document under a rule as an event carries it, as
	 * text. Admins may under every rule, even one this version cannot read (written by a
	 * newer producer); anyone else may not under such a rule.
	 * @param rule the rule as written, or {@code null}
	 * @param caller the caller
	 * @param owner the document's owner, or {@code null}
	 * @return whether the rule lets the caller at the document
	 */
	static boolean permits(@Nullable String rule, CurrentCaller caller, @Nullable String owner) {
		return parse(rule).map((parsed) -> parsed.permits(Optional.of(caller), owner)).orElse(caller.isAdmin());
	}

	/** The rule as written in a definition. */
	String text();

	/**
	 * Whether the caller may act on one document under this rule.
	 * @param caller the caller, empty when the request has no token
	 * @param owner the document's owner, or {@code null}
	 * @return whether a request by the caller would find the document
	 */
	default boolean permits(Optional<CurrentCaller> caller, @Nullable String owner) {
		return decide(caller).admits(owner);
	}

	/**
	 * What the caller may do under this rule.
	 * @param caller the caller, empty when the request has no token
	 * @return the decision
	 */
	AccessDecision decide(Optional<CurrentCaller> caller);

	/** Anyone, with or without a token. */
	record Public() implements AccessRule {

		@Override
		public String text() {
			return "public";
		}

		@Override
		public AccessDecision decide(Optional<CurrentCaller> caller) {
			return new AccessDecision.Everything();
		}

	}

	/** Any caller with a valid token. */
	record Authenticated() implements AccessRule {

		@Override
		public String text() {
			return "authenticated";
		}

		@Override
		public AccessDecision decide(Optional<CurrentCaller> caller) {
			return caller.isPresent() ? new AccessDecision.Everything() : new AccessDecision.Unauthenticated();
		}

	}

	/** Any caller with a token, on the documents they own; admins on all. */
	record Owner() implements AccessRule {

		@Override
		public String text() {
			return "owner";
		}

		@Override
		public AccessDecision decide(Optional<CurrentCaller> caller) {
			return caller
				.<AccessDecision>map(
						(c) -> c.isAdmin() ? new AccessDecision.Everything() : new AccessDecision.OwnOnly(c.subject()))
				.orElseGet(AccessDecision.Unauthenticated::new);
		}

	}

	/** Callers whose token carries the role; admins too. */
	record Role(String name) implements AccessRule {

		@Override
		public String text() {
			return "role:" + this.name;
		}

		@Override
		public AccessDecision decide(Optional<CurrentCaller> caller) {
			if (caller.isEmpty()) {
				return new AccessDecision.Unauthenticated();
			}
			return (caller.get().isAdmin() || caller.get().hasRole(this.name)) ? new AccessDecision.Everything()
					: new AccessDecision.Forbidden();
		}

	}

}
