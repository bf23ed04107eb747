package dev.keel.storage.object;

import java.util.List;

import dev.keel.support.web.Problems.FieldProblem;

/**
 * A request about objects that cannot be served as asked, with the problem's code; the
 * problem handler gives it its status by {@link Reason}.
 */
public class ObjectRejectedException extends RuntimeException {

	/** Why, which decides the status. */
	public enum Reason {

		/** 400. */
		INVALID,
		/** 403: a signed URL that is wrong or expired. */
		SIGNATURE,
		/** 404. */
		NOT_FOUND,
		/** 413. */
		TOO_LARGE,
		/** 415. */
		TYPE

	}

	private final Reason reason;

	private final String code;

	private final List<FieldProblem> errors;

	ObjectRejectedException(Reason reason, String code, String message) {
		this(reason, code, message, List.of());
	}

	ObjectRejectedException(Reason reason, String code, String message, List<FieldProblem> errors) {
		super(message);
		this.reason = reason;
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	static ObjectRejectedException invalid(String field, String message) {
		return new ObjectRejectedException(Reason.INVALID, "validation_failed", "The request has invalid fields.",
				List.of(new FieldProblem(field, message)));
	}

	static ObjectRejectedException notFound(String id) {
		return new ObjectRejectedException(Reason.NOT_FOUND, "object_not_found", "There is no object '" + id + "'.");
	}

	static ObjectRejectedException tooLarge(long maxBytes) {
		return new ObjectRejectedException(Reason.TOO_LARGE, "file_too_large",
				"The file is larger than this bucket's limit of " + maxBytes + " bytes.");
	}

	static ObjectRejectedException quotaExceeded(long quota) {
		return new ObjectRejectedException(Reason.TOO_LARGE, "quota_exceeded",
				"The file would take you past your quota of " + quota + " bytes in this bucket.");
	}

	public Reason reason() {
		return this.reason;
	}

	public String code() {
		return this.code;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
