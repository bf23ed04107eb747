package dev.keel.bench;

/** One request of a scenario; it throws when the answer is not the expected one. */
@FunctionalInterface
interface Operation {

	void call() throws Exception;

	/**
	 * An answer other than the expected one; cheap to throw, since a failing scenario may
	 * throw thousands.
	 */
	final class UnexpectedAnswer extends Exception {

		UnexpectedAnswer(String message) {
			super(message, null, false, false);
		}

	}

}
