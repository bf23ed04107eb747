package dev.keel.data.document;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.keel.data.collection.CollectionDefinition;
import dev.keel.data.document.DocumentOutcome.Rejected;
import dev.keel.support.web.Problems.FieldProblem;

/** Whether a document may be stored in a collection: its names, then its schema. */
final class DocumentValidation {

	private DocumentValidation() {
	}

	/** Checks names and nesting (400), then the collection's schema (422). */
	static Optional<Rejected> check(CollectionDefinition definition, JsonNode document) {
		List<FieldProblem> problems = UserFields.check(document);
		if (!problems.isEmpty()) {
			return Optional.of(Rejected.invalidDocument(problems));
		}
		return schema(definition, document);
	}

	/** Checks the collection's schema only (422). */
	static Optional<Rejected> schema(CollectionDefinition definition, JsonNode document) {
		if (definition.schema() == null) {
			return Optional.empty();
		}
		List<FieldProblem> violations = definition.schema().validate(document);
		return violations.isEmpty() ? Optional.empty() : Optional.of(Rejected.schemaViolated(violations));
	}

}
