package dev.keel.data.document;

import java.util.List;
import java.util.Set;

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

	/** Why a request was refused; the controller answers each with its own status. */
	enum Reason {

		/** The document or request cannot be stored as sent (400). */
		INVALID,

		/** There is no such document for the caller (404). */
		NOT_FOUND,

		/** Another document holds the values, or other requests kept winning (409). */
		CONFLICT,

		/** The document changed since the version the client pinned (412). */
		STALE,

		/** The document would grow past its size limit (413). */
		TOO_LARGE,

		/**
		 * Well-formed, but against the collection's schema or the key's first use (422).
		 */
		UNACCEPTABLE

	}

	/**
	 * The request was refused and changed nothing.
	 *
	 * @param reason why
	 * @param code the problem code
	 * @param detail what went wrong
	 * @param errors the fields at fault, possibly none
	 */
	record Rejected(Reason reason, String code, String detail, List<FieldProblem> errors) implements DocumentOutcome {

		/**
		 * This rejection with only the errors in the given top-level fields, for a caller
		 * who may not read the document and so may learn nothing of its other fields.
		 */
		Rejected onlyIn(Set<String> fields) {
			List<FieldProblem> named = this.errors.stream()
				.filter((error) -> fields.stream().anyMatch((name) -> within(error.field(), name)))
				.toList();
			return new Rejected(this.reason, this.code, this.detail, named);
		}

		private static boolean within(String path, String name) {
			return path.equals(name) || path.startsWith(name + ".") || path.startsWith(name + "[");
		}

		static Rejected notFound(String id) {
			return new Rejected(Reason.NOT_FOUND, "document_not_found", "There is no document '" + id + "'.",
					List.of());
		}

		static Rejected versionConflict() {
			return new Rejected(Reason.STALE, "version_conflict",
					"The document has changed since the version in If-Match; fetch it again.", List.of());
		}

		static Rejected duplicate(String detail) {
			return new Rejected(Reason.CONFLICT, "duplicate", detail, List.of());
		}

		static Rejected refused(RuntimeException reason) {
			return new Rejected(Reason.INVALID, "invalid_document", reason.getMessage(), List.of());
		}

		static Rejected invalidDocument(List<FieldProblem> errors) {
			return new Rejected(Reason.INVALID, "invalid_document", "The document has fields that cannot be stored.",
					errors);
		}

		static Rejected schemaViolated(List<FieldProblem> errors) {
			return new Rejected(Reason.UNACCEPTABLE, "validation_failed",
					"The document does not match the collection's schema.", errors);
		}

		static Rejected tooLarge() {
			return new Rejected(Reason.TOO_LARGE, "document_too_large", "After this change the document "
					+ "would be over " + (DocumentSize.MAX_BYTES / 1024) + " KiB of JSON; nothing was changed.",
					List.of());
		}

	}

}
