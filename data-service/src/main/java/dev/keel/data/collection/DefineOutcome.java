package dev.keel.data.collection;

import java.util.List;

import dev.keel.support.web.Problems.FieldProblem;

/** How a request to define a collection ended. */
sealed interface DefineOutcome {

	/**
	 * The definition is stored.
	 *
	 * @param definition the stored definition
	 * @param created whether the collection is new (or was deleted before)
	 */
	record Defined(CollectionDefinition definition, boolean created) implements DefineOutcome {
	}

	/**
	 * The request is invalid; nothing changed.
	 *
	 * @param code the problem code
	 * @param detail what is wrong
	 * @param errors the fields at fault, possibly none
	 */
	record Invalid(String code, String detail, List<FieldProblem> errors) implements DefineOutcome {
	}

	/**
	 * Stored documents contradict the definition (a new unique index); nothing changed.
	 *
	 * @param detail what conflicts
	 */
	record Conflict(String detail) implements DefineOutcome {
	}

}
