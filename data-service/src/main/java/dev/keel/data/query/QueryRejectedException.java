package dev.keel.data.query;

import java.time.Duration;

/**
 * A query the service will not run, with the stable {@code code} of the 400 problem the
 * client gets and, where one is to blame, the parameter's field path.
 */
public final class QueryRejectedException extends RuntimeException {

	public static final String INVALID_FILTER = "invalid_filter";

	public static final String INVALID_SORT = "invalid_sort";

	public static final String INVALID_FIELDS = "invalid_fields";

	public static final String INVALID_LIMIT = "invalid_limit";

	public static final String INVALID_CURSOR = "invalid_cursor";

	public static final String QUERY_TOO_EXPENSIVE = "query_too_expensive";

	private final String code;

	private final String field;

	QueryRejectedException(String code, String field, String message) {
		// An expected answer to bad input: no stack trace to fill.
		super(message, null, false, false);
		this.code = code;
		this.field = field;
	}

	static QueryRejectedException invalidFilter(String message) {
		return new QueryRejectedException(INVALID_FILTER, null, message);
	}

	static QueryRejectedException invalidFilter(String field, String message) {
		return new QueryRejectedException(INVALID_FILTER, field, message);
	}

	static QueryRejectedException tooExpensive(Duration limit) {
		return new QueryRejectedException(QUERY_TOO_EXPENSIVE, null, "The query ran longer than " + limit.toMillis()
				+ " ms and was stopped: narrow the filter, or sort and filter on indexed fields");
	}

	/**
	 * The machine-readable reason.
	 * @return one of the constants of this class, such as {@link #INVALID_FILTER}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The field path the rejection is about.
	 * @return the path as the client wrote it, or {@code null} when no one field is to
	 * blame
	 */
	public String field() {
		return this.field;
	}

}
