package dev.keel.support.apidocs;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Describes Jackson 3 trees ({@link JsonNode}: user documents, JSON Schemas) as free-form
 * JSON objects. swagger-core knows only Jackson 2's trees and would otherwise list the
 * node class's getters ({@code isArray}, {@code nodeType}...) as the fields.
 */
class JsonNodeSchemas implements ModelConverter {

	@Override
	public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		JavaType javaType = Json.mapper().constructType(type.getType());
		if (javaType != null && JsonNode.class.isAssignableFrom(javaType.getRawClass())) {
			return new ObjectSchema();
		}
		return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
	}

}
