package dev.keel.data.document;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.node.ObjectNode;

import dev.keel.support.web.Problems.FieldProblem;

/** How a document request ended: a document to return, or a rejection. */
sealed interface DocumentOutcome {

	/**
	 * The document after the request.
	 *
	 * @param document the document
	 * @param created whether the request created it
	 * @param readable whether the caller may read the document under the collection's
	 * {@code read} rule; a caller who may write but not read learns only its id and
	 * version
	 */
	record Written(StoredDocument document, boolean created, boolean readable) implements DocumentOutcome {

		/** The response body: the document, or only its id and version. */
		ObjectNode body() {
			return this.readable ? this.document.toJson() : this.document.receipt();
		}

	}

	/**
	 * The first response to a creation with the same idempotency key.
	 *
	 * @param body the document as it was returned then, or only its id and version when
	 * the caller may not read it now
	 */
	record Replayed(ObjectNode body) implements DocumentOutcome {
	}

	/** The document was deleted. */
	record Deleted() implements DocumentOutcome {
	}

	/**
	 * The request was refused and changed nothing.
	 *
	 * @param status the HTTP status
	 * @param code the problem code
	 * @param detail what went wrong
	 * @param errors the fields at fault, possibly none
	 */
	record Rejected(HttpStatus status, String code, String detail,
			List<FieldProblem> errors) implements DocumentOutcome {

		/**
		 * This rejection with only the errors in the given top-level fields, for a caller
		 * who may not read the document and so may learn nothing of its other fields.
		 */
		Rejected onlyIn(Set<String> fields) {
			List<FieldProblem> named = this.errors.stream()
				.filter((error) -> fields.stream().anyMatch((name) -> within(error.field(), name)))
				.toList();
			return new Rejected(this.status, this.code, this.detail, named);
		}

		private static boolean within(String path, String name) {
			return path.equals(name) || path.startsWith(name + ".") || path.startsWith(name + "[");
		}

		static Rejected notFound(String id) {
			return new Rejected(HttpStatus.NOT_FOUND, "document_not_found", "There is no document '" + id + "'.",
					List.of());
		}

		static Rejected versionConflict() {
			return new Rejected(HttpStatus.PRECONDITION_FAILED, "version_conflict",
					"The document has changed since the version in If-Match; fetch it again.", List.of());
		}

		static Rejected duplicate(String detail) {
			return new Rejected(HttpStatus.CONFLICT, "duplicate", detail, List.of());
		}

		static Rejected refused(RuntimeException reason) {
			return new Rejected(HttpStatus.BAD_REQUEST, "invalid_document", reason.getMessage(), List.of());
		}

		static Rejected invalidDocument(List<FieldProblem> errors) {
			return new Rejected(HttpStatus.BAD_REQUEST, "invalid_document",
					"The document has fields that cannot be stored.", errors);
		}

		static Rejected schemaViolated(List<FieldProblem> errors) {
			return new Rejected(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
					"The document does not match the collection's schema.", errors);
		}

		static Rejected tooLarge() {
			return new Rejected(
					HttpStatus.CONTENT_TOO_LARGE, "document_too_large", "After this change the document "
							+ "would be over " + (DocumentSize.MAX_BYTES / 1024) + " KiB of JSON; nothing was changed.",
					List.of());
		}

	}

}
