package dev.keel.data.query;

import java.time.Duration;

/**
 * The moment a query must be done by. MongoDB enforces {@code maxTimeMS} itself, but
 * mongo-java-server (the embedded store) ignores it, so the service checks the clock too,
 * after each document and at the end.
 */
final class Deadline {

	private final Duration limit;

	private final long start = System.nanoTime();

	private Deadline(Duration limit) {
		this.limit = limit;
	}

	static Deadline start(Duration limit) {
		return new Deadline(limit);
	}

	/**
	 * @throws QueryRejectedException with {@code query_too_expensive} once passed
	 */
	void check() {
		if (System.nanoTime() - this.start > this.limit.toNanos()) {
			throw QueryRejectedException.tooExpensive(this.limit);
		}
	}

}
