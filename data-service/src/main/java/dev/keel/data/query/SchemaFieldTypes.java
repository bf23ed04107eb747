package dev.keel.data.query;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Field types read from a JSON Schema. Only {@code type}, {@code properties} and
 * {@code items} are followed: anything the walk cannot pin down ({@code anyOf},
 * {@code $ref}, several types) is {@link FieldType#UNKNOWN}, which still matches values
 * loosely rather than refusing a filter the schema would allow.
 */
record SchemaFieldTypes(JsonNode schema) implements FieldTypes {

	@Override
	public FieldType typeOf(String dottedPath) {
		if (FieldPaths.isSystem(dottedPath)) {
			return FieldPaths.typeOf(this, dottedPath);
		}
		return declaredType(resolve(dottedPath));
	}

	@Override
	public FieldType itemTypeOf(String dottedPath) {
		JsonNode node = resolve(dottedPath);
		return (declaredType(node) == FieldType.ARRAY) ? declaredType(node.get("items")) : FieldType.UNKNOWN;
	}

	private JsonNode resolve(String dottedPath) {
		JsonNode node = this.schema;
		for (String segment : dottedPath.split("\\.", -1)) {
			if (node == null || !node.isObject()) {
				return null;
			}
			if (declaredType(node) == FieldType.ARRAY) {
				// MongoDB reaches into array items both by index (tags.0) and by name
				// (tags.name).
				node = node.get("items");
				if (segment.chars().allMatch(Character::isDigit)) {
					continue;
				}
				if (node == null || !node.isObject()) {
					return null;
				}
			}
			JsonNode properties = node.get("properties");
			node = (properties != null && properties.isObject()) ? properties.get(segment) : null;
		}
		return node;
	}

	private static FieldType declaredType(JsonNode node) {
		if (node == null || !node.isObject()) {
			return FieldType.UNKNOWN;
		}
		JsonNode type = node.get("type");
		if (type == null) {
			return FieldType.UNKNOWN;
		}
		List<String> names = new ArrayList<>();
		if (type.isString()) {
			names.add(type.stringValue());
		}
		else if (type.isArray()) {
			type.values().stream().filter(JsonNode::isString).map(JsonNode::stringValue).forEach(names::add);
		}
		names.removeIf("null"::equals);
		return (names.size() == 1) ? named(names.get(0)) : FieldType.UNKNOWN;
	}

	private static FieldType named(String type) {
		return switch (type) {
			case "string" -> FieldType.STRING;
			case "number" -> FieldType.NUMBER;
			case "integer" -> FieldType.INTEGER;
			case "boolean" -> FieldType.BOOLEAN;
			case "object" -> FieldType.OBJECT;
			case "array" -> FieldType.ARRAY;
			default -> FieldType.UNKNOWN;
		};
	}

}
