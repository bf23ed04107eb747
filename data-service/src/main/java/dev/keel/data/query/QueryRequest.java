package dev.keel.data.query;

/**
 * A query's parameters as the client sent them; any may be {@code null} (or blank) for
 * the default.
 *
 * @param filter RSQL, such as {@code status==open;priority=ge=3}
 * @param sort comma-separated field paths, {@code -} for descending
 * @param fields comma-separated user field paths to return
 * @param limit the page size, 1 to 100, 20 by default
 * @param cursor the {@code nextCursor} of the previous page
 */
public record QueryRequest(String filter, String sort, String fields, String limit, String cursor) {

	/**
	 * The first page of a filter with everything else by default.
	 * @param filter RSQL, or {@code null}
	 * @return the request
	 */
	public static QueryRequest filter(String filter) {
		return new QueryRequest(filter, null, null, null, null);
	}

}
