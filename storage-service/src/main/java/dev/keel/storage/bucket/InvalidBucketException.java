package dev.keel.storage.bucket;

import java.util.List;

import dev.keel.support.web.Problems.FieldProblem;

/** A bucket definition with problems (400 {@code validation_failed}), all of them. */
public class InvalidBucketException extends RuntimeException {

	private final List<FieldProblem> errors;

	InvalidBucketException(List<FieldProblem> errors) {
		super("The bucket definition has invalid fields.");
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
