package dev.keel.support.access;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of an {@link AccessRule} for one caller: all documents, only their own, or
 * none, and then whether a token would help.
 */
public sealed interface AccessDecision {

	/**
	 * Whether the decision includes a document.
	 * @param owner the document's owner, or {@code null} for a document nobody owns
	 * @return {@code true} when the caller may act on it
	 */
	default boolean admits(@Nullable String owner) {
		return switch (this) {
			case Everything everything -> true;
			case OwnOnly own -> own.subject().equals(owner);
			case Unauthenticated unauthenticated -> false;
			case Forbidden forbidden -> false;
		};
	}

	/** The caller may act on every document of the collection. */
	record Everything() implements AccessDecision {
	}

	/**
	 * The caller may act only on documents whose {@code _owner} is their subject; others
	 * do not exist for them.
	 *
	 * @param subject the caller's {@code sub}
	 */
	record OwnOnly(String subject) implements AccessDecision {
	}

	/** The rule needs a token and the request has none. */
	record Unauthenticated() implements AccessDecision {
	}

	/** The caller's token does not carry what the rule needs. */
	record Forbidden() implements AccessDecision {
	}

}
