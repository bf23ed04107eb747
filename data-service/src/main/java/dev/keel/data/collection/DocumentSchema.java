package dev.keel.data.collection;

import java.util.Comparator;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

import dev.keel.support.web.Problems.FieldProblem;

/**
 * A collection's JSON Schema (draft 2020-12), compiled once and used for every write.
 * Schemas are checked against the draft's meta-schema when defined, and may refer only to
 * themselves: nothing is ever fetched from the network.
 */
public final class DocumentSchema {

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder.schemaLoader((loader) -> loader.fetchRemoteResources(false)));

	private static final Schema metaSchema = registry
		.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

	private final JsonNode source;

	private final Schema schema;

	private DocumentSchema(JsonNode source, Schema schema) {
		this.source = source;
		this.schema = schema;
	}

	/**
	 * Compiles a schema an admin sent.
	 * @param source the schema
	 * @return the compiled schema
	 * @throws InvalidSchema if it is not a valid draft 2020-12 schema for objects
	 */
	public static DocumentSchema compile(JsonNode source) {
		if (!source.isObject()) {
			throw new InvalidSchema("The schema must be a JSON object.");
		}
		JsonNode type = source.get("type");
		if (type != null && !(type.isString() && type.asString().equals("object"))) {
			throw new InvalidSchema("The schema describes documents, so its root \"type\" must be \"object\".");
		}
		List<Error> problems = metaSchema.validate(source);
		if (!problems.isEmpty()) {
			throw new InvalidSchema("The schema is not valid JSON Schema (draft 2020-12): " + describe(problems));
		}
		try {
			Schema schema = registry.getSchema(source);
			schema.initializeValidators();
			return new DocumentSchema(source, schema);
		}
		catch (SchemaException | IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidSchema("The schema cannot be used: " + ex.getMessage());
		}
	}

	/** The schema as the admin sent it. */
	public JsonNode source() {
		return this.source;
	}

	/**
	 * Checks a document's user fields.
	 * @param document the document
	 * @return one problem per violation, sorted by field; empty when it conforms
	 */
	public List<FieldProblem> validate(JsonNode document) {
		return this.schema.validate(document)
			.stream()
			.map((error) -> new FieldProblem(field(error), error.getMessage()))
			.distinct()
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
	}

	/**
	 * The field a violation is about: the instance location, plus the property for
	 * {@code required} and {@code additionalProperties}, which are reported on the object
	 * holding it.
	 */
	private static String field(Error error) {
		StringBuilder field = new StringBuilder();
		NodePath location = error.getInstanceLocation();
		for (int i = 0; i < location.getNameCount(); i++) {
			Object element = location.getElement(i);
			if (element instanceof Integer index) {
				field.append('[').append(index).append(']');
			}
			else {
				field.append(field.isEmpty() ? "" : ".").append(element);
			}
		}
		if (error.getProperty() != null) {
			field.append(field.isEmpty() ? "" : ".").append(error.getProperty());
		}
		return field.isEmpty() ? "$" : field.toString();
	}

	private static String describe(List<Error> problems) {
		return problems.stream().limit(3).map(Error::toString).reduce((a, b) -> a + "; " + b).orElse("");
	}

	/** A schema that cannot be used for a collection. */
	public static final class InvalidSchema extends RuntimeException {

		InvalidSchema(String message) {
			super(message);
		}

	}

}
