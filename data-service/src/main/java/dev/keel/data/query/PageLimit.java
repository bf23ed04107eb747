package dev.keel.data.query;

/**
 * The page size: a larger one is refused, not silently cut, so a client never mistakes a
 * short page for the whole result.
 */
final class PageLimit {

	static final int DEFAULT = 20;

	static final int MAX = 100;

	private PageLimit() {
	}

	/**
	 * @throws QueryRejectedException with {@code invalid_limit}
	 */
	static int parse(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT;
		}
		String text = limit.strip();
		int value = (text.length() <= 3 && text.chars().allMatch((c) -> c >= '0' && c <= '9')) ? Integer.parseInt(text)
				: -1;
		if (value < 1 || value > MAX) {
			throw new QueryRejectedException(QueryRejectedException.INVALID_LIMIT, null,
					"limit must be a whole number from 1 to " + MAX);
		}
		return value;
	}

}
