package dev.keel.data.query;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cz.jirutka.rsql.parser.ParseException;
import cz.jirutka.rsql.parser.RSQLParser;
import cz.jirutka.rsql.parser.RSQLParserException;
import cz.jirutka.rsql.parser.UnknownOperatorException;
import cz.jirutka.rsql.parser.ast.Arity;
import cz.jirutka.rsql.parser.ast.ComparisonOperator;
import cz.jirutka.rsql.parser.ast.Node;

/**
 * Turns filter text into an RSQL syntax tree, or into {@code invalid_filter}.
 * <p>
 * The text is bounded before the parser sees it: the JavaCC parser recurses once per
 * parenthesised group, so deep nesting would end in a {@link StackOverflowError}, and
 * long input costs time. Only Keel's operators are registered, so any other
 * ({@code =like=}, {@code >}) fails to parse.
 */
final class FilterSyntax {

	static final int MAX_LENGTH = 4096;

	static final int MAX_DEPTH = 8;

	static final ComparisonOperator EQUAL = single("==");

	static final ComparisonOperator NOT_EQUAL = single("!=");

	static final ComparisonOperator LESS_THAN = single("=lt=");

	static final ComparisonOperator LESS_OR_EQUAL = single("=le=");

	static final ComparisonOperator GREATER_THAN = single("=gt=");

	static final ComparisonOperator GREATER_OR_EQUAL = single("=ge=");

	static final ComparisonOperator IN = new ComparisonOperator("=in=", Arity.nary(1));

	static final ComparisonOperator OUT = new ComparisonOperator("=out=", Arity.nary(1));

	static final ComparisonOperator EXISTS = single("=exists=");

	private static final String OPERATORS = "==, !=, =lt=, =le=, =gt=, =ge=, =in=, =out=, =exists=";

	private static final RSQLParser parser = new RSQLParser(
			Set.of(EQUAL, NOT_EQUAL, LESS_THAN, LESS_OR_EQUAL, GREATER_THAN, GREATER_OR_EQUAL, IN, OUT, EXISTS));

	private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

	private FilterSyntax() {
	}

	static Node parse(String filter) {
		checkBounds(filter);
		try {
			return parser.parse(filter);
		}
		catch (RSQLParserException ex) {
			// The parser wraps everything, its lexer's TokenMgrError included.
			throw QueryRejectedException.invalidFilter(describe(ex.getCause(), filter));
		}
	}

	/** Checks length and parenthesis depth in one pass that knows quoted values. */
	static void checkBounds(String filter) {
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

	private static String describe(Throwable problem, String filter) {
		if (problem instanceof UnknownOperatorException unknown) {
			return "Unknown operator '" + unknown.getOperator() + "': use one of " + OPERATORS;
		}
		String message = String.valueOf((problem != null) ? problem.getMessage() : null);
		if (problem instanceof ParseException && message.startsWith("Encountered \"<EOF>\"")) {
			return "The filter ends unexpectedly";
		}
		Matcher column = COLUMN.matcher(message);
		if (problem instanceof ParseException && column.find()) {
			return "The filter cannot be read at position " + column.group(1) + ", near '"
					+ near(filter, Integer.parseInt(column.group(1))) + "'";
		}
		if (message.startsWith("Lexical error") && column.find()) {
			return "The filter cannot be read at position " + column.group(1)
					+ ": a quote is not closed, or a value holds one of = ! ~ < > ( ) ; , (quote such values)";
		}
		// Arity errors, such as "operator '==' can have exactly 1 argument(s), but got
		// 2".
		return "The filter is malformed: " + message;
	}

	private static String near(String filter, int column) {
		int from = Math.min(Math.max(column - 1, 0), filter.length());
		return filter.substring(from, Math.min(filter.length(), from + 20));
	}

	private static ComparisonOperator single(String symbol) {
		return new ComparisonOperator(symbol, Arity.of(1, 1));
	}

}
