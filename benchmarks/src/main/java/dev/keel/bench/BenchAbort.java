package dev.keel.bench;

/**
 * The benchmark cannot go on (the platform is not running, the login fails, a setup
 * request is refused); the message says what to do and is all the user sees.
 */
public final class BenchAbort extends RuntimeException {

	public BenchAbort(String message) {
		super(message);
	}

}
