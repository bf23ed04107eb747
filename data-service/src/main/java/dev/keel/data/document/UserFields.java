package dev.keel.data.document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.keel.data.collection.Timestamps;
import dev.keel.support.web.Problems.FieldProblem;

/**
 * The fields a client may write, and their conversion between JSON and BSON. Names that
 * start with {@code _} or {@code $}, contain {@code .}, are empty or hold control
 * characters are refused at every depth: {@code _} is the server's, and the others would
 * be read by MongoDB as operators or paths.
 */
final class UserFields {

	static final int MAX_DEPTH = 32;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private UserFields() {
	}

	/**
	 * Finds every reserved or unusable name, and nesting deeper than {@value #MAX_DEPTH}.
	 * @param document the client's document (or merge patch)
	 * @return the problems, empty when the document may be stored
	 */
	static List<FieldProblem> check(JsonNode document) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!document.isObject()) {
			problems.add(new FieldProblem("$", "a document must be a JSON object"));
			return problems;
		}
		check(document, "", 1, problems);
		return problems;
	}

	private static void check(JsonNode node, String path, int depth, List<FieldProblem> problems) {
		if (depth > MAX_DEPTH && (node.isObject() || node.isArray())) {
			problems.add(new FieldProblem(path, "nests deeper than " + MAX_DEPTH + " levels"));
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String name = field.getKey();
				String child = path.isEmpty() ? name : path + "." + name;
				if (!isAllowedName(name)) {
					problems.add(new FieldProblem(child,
							"field names may not be empty, start with '_' or '$', or contain '.' or control characters"));
				}
				else {
					check(field.getValue(), child, depth + 1, problems);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				check(node.get(i), path + "[" + i + "]", depth + 1, problems);
			}
		}
		else if (node.isString() && hasLoneSurrogate(node.asString())) {
			problems.add(new FieldProblem(path, "is not valid Unicode text"));
		}
		else if (node.isBigInteger() && !node.canConvertToLong()) {
			problems.add(new FieldProblem(path, "is a number outside the 64-bit integer range"));
		}
	}

	static boolean isAllowedName(String name) {
		if (name.isEmpty() || name.charAt(0) == '_' || name.charAt(0) == '$' || name.indexOf('.') >= 0
				|| hasLoneSurrogate(name)) {
			return false;
		}
		return name.chars().noneMatch(Character::isISOControl);
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/** A checked JSON value as the driver stores it. */
	static Object toBson(JsonNode node) {
		if (node.isObject()) {
			Document document = new Document();
			node.properties().forEach((field) -> document.append(field.getKey(), toBson(field.getValue())));
			return document;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			node.forEach((item) -> list.add(toBson(item)));
			return list;
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node.asString();
	}

	/** A stored value as JSON. */
	static JsonNode toJson(Object value) {
		return switch (value) {
			case null -> nodes.nullNode();
			case Document document -> {
				ObjectNode object = nodes.objectNode();
				document.forEach((name, child) -> object.set(name, toJson(child)));
				yield object;
			}
			case List<?> list -> {
				ArrayNode array = nodes.arrayNode();
				list.forEach((item) -> array.add(toJson(item)));
				yield array;
			}
			case Integer number -> nodes.numberNode(number);
			case Long number -> nodes.numberNode(number);
			case Double number -> nodes.numberNode(number);
			case Number number -> nodes.numberNode(number.doubleValue());
			case Boolean bool -> nodes.booleanNode(bool);
			case Date date -> nodes.stringNode(Timestamps.format(date));
			default -> nodes.stringNode(value.toString());
		};
	}

}
