package dev.keel.data.query;

import java.util.List;
import java.util.function.BiFunction;

import com.mongodb.client.model.Filters;
import cz.jirutka.rsql.parser.ast.AndNode;
import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.ComparisonOperator;
import cz.jirutka.rsql.parser.ast.LogicalNode;
import cz.jirutka.rsql.parser.ast.OrNode;
import cz.jirutka.rsql.parser.ast.RSQLVisitor;
import org.bson.conversions.Bson;

/**
 * Translates an RSQL filter into a MongoDB filter built only from {@link Filters}, one
 * comparison at a time through the field allow-list and the value typing. Each
 * translation counts its comparisons, so a filter cannot fan out into an expensive query.
 */
final class FilterTranslator implements RSQLVisitor<Bson, Void> {

	static final int MAX_COMPARISONS = 64;

	static final int MAX_VALUES = 100;

	private final FieldTypes types;

	private int comparisons;

	private FilterTranslator(FieldTypes types) {
		this.types = types;
	}

	/**
	 * The MongoDB filter for an RSQL filter.
	 * @return the filter, or {@code null} when the text is blank (no condition)
	 * @throws QueryRejectedException with {@code invalid_filter}
	 */
	static Bson translate(String filter, FieldTypes types) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		return FilterSyntax.parse(filter).accept(new FilterTranslator(types), null);
	}

	@Override
	public Bson visit(AndNode node, Void unused) {
		return Filters.and(children(node));
	}

	@Override
	public Bson visit(OrNode node, Void unused) {
		return Filters.or(children(node));
	}

	@Override
	public Bson visit(ComparisonNode node, Void unused) {
		if (++this.comparisons > MAX_COMPARISONS) {
			throw QueryRejectedException.invalidFilter("The filter has more than " + MAX_COMPARISONS + " comparisons");
		}
		String field = node.getSelector();
		if (!FieldPaths.isAllowed(field)) {
			throw QueryRejectedException.invalidFilter(FieldPaths.abbreviate(field), FieldPaths.describe(field));
		}
		List<String> arguments = node.getArguments();
		if (arguments.size() > MAX_VALUES) {
			throw QueryRejectedException.invalidFilter(field,
					node.getOperator().getSymbol() + " takes at most " + MAX_VALUES + " values");
		}
		return comparison(field, node.getOperator(), arguments);
	}

	private Bson comparison(String field, ComparisonOperator operator, List<String> arguments) {
		if (operator.equals(FilterSyntax.EXISTS)) {
			return Filters.exists(field, exists(field, arguments.get(0)));
		}
		FieldType type = comparedType(field);
		String first = arguments.get(0);
		if (operator.equals(FilterSyntax.EQUAL) && FilterValues.isWildcard(first)
				&& (type == FieldType.STRING || type == FieldType.UNKNOWN)) {
			return Filters.regex(field, FilterValues.wildcardPattern(first));
		}
		List<Object> values = arguments.stream()
			.flatMap((argument) -> FilterValues.literals(field, type, argument).stream())
			.toList();
		return switch (operator.getSymbol()) {
			case "==" -> (values.size() == 1) ? Filters.eq(field, values.get(0)) : Filters.in(field, values);
			case "!=" -> (values.size() == 1) ? Filters.ne(field, values.get(0)) : Filters.nin(field, values);
			case "=lt=" -> anyOf(Filters::lt, field, values);
			case "=le=" -> anyOf(Filters::lte, field, values);
			case "=gt=" -> anyOf(Filters::gt, field, values);
			case "=ge=" -> anyOf(Filters::gte, field, values);
			case "=in=" -> Filters.in(field, values);
			case "=out=" -> Filters.nin(field, values);
			default -> throw new IllegalStateException("Operator registered but not translated: " + operator);
		};
	}

	/** The type a value meets: MongoDB compares a value with each item of an array. */
	private FieldType comparedType(String field) {
		FieldType type = FieldPaths.typeOf(this.types, field);
		if (type != FieldType.ARRAY) {
			return type;
		}
		FieldType items = this.types.itemTypeOf(field);
		return (items == FieldType.ARRAY) ? FieldType.UNKNOWN : items;
	}

	private static Bson anyOf(BiFunction<String, Object, Bson> comparison, String field, List<Object> values) {
		// MongoDB compares within one type, so an untyped 3 is "3 as a number or "3" as a
		// string".
		List<Bson> each = values.stream().map((value) -> comparison.apply(field, value)).toList();
		return (each.size() == 1) ? each.get(0) : Filters.or(each);
	}

	private static boolean exists(String field, String text) {
		return switch (text) {
			case "true" -> true;
			case "false" -> false;
			default -> throw QueryRejectedException.invalidFilter(field, "=exists= takes true or false");
		};
	}

	private List<Bson> children(LogicalNode node) {
		return node.getChildren().stream().map((child) -> child.accept(this, null)).toList();
	}

}
