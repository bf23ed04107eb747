package dev.keel.data.query;

/**
 * The bounds a filter's text must keep before the RSQL parser sees it. The JavaCC parser
 * recurses once per parenthesised group, so deep nesting would end in a
 * {@link StackOverflowError} rather than a 400, and long input costs time; both are
 * checked here in one linear pass.
 */
final class FilterBounds {

	static final int MAX_LENGTH = 4096;

	static final int MAX_DEPTH = 8;

	private FilterBounds() {
	}

	/** Checks length and parenthesis depth in one pass that knows quoted values. */
	static void check(String filter) {
		if (filter.length() > MAX_LENGTH) {
			throw QueryRejectedException.invalidFilter("The filter is longer than " + MAX_LENGTH + " characters");
		}
		int depth = 0;
		char quote = 0;
		char previous = 0;
		boolean inArguments = false;
		for (int i = 0; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
					previous = c;
				}
				continue;
			}
			if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '(') {
				// After an operator it opens the value list of =in=/=out=, which the
				// parser
				// reads without recursing; anywhere else it opens a group.
				if (isOperatorEnd(previous)) {
					inArguments = true;
				}
				else if (++depth > MAX_DEPTH) {
					throw QueryRejectedException
						.invalidFilter("The filter nests parentheses deeper than " + MAX_DEPTH + " levels");
				}
			}
			else if (c == ')') {
				if (inArguments) {
					inArguments = false;
				}
				else if (--depth < 0) {
					throw QueryRejectedException
						.invalidFilter("Unbalanced ')' at position " + (i + 1) + " of the filter");
				}
			}
			if (c != ' ' && c != '\t') {
				previous = c;
			}
		}
	}

	private static boolean isOperatorEnd(char c) {
		return c == '=' || c == '<' || c == '>';
	}

}
