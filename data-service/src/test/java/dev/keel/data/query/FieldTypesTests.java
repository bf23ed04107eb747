package dev.keel.data.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FieldTypesTests {

	private final FieldTypes tasks = QueryFixtures.taskTypes();

	@ParameterizedTest
	@CsvSource(textBlock = """
			title,        STRING
			status,       STRING
			priority,     INTEGER
			score,        NUMBER
			done,         BOOLEAN
			due,          STRING
			tags,         ARRAY
			tags.0,       STRING
			address,      OBJECT
			address.city, STRING
			address.zip,  INTEGER
			address.nope, UNKNOWN
			notes.text,   STRING
			notes.0.text, STRING
			unknown,      UNKNOWN
			title.sub,    UNKNOWN
			_id,          STRING
			_owner,       STRING
			_version,     INTEGER
			_createdAt,   DATE_TIME
			_updatedAt,   DATE_TIME
			""")
	void typesFollowPropertiesNestedObjectsAndArrayItems(String path, FieldType type) {
		assertThat(this.tasks.typeOf(path)).isEqualTo(type);
	}

	@Test
	void arrayItemsHaveTheirOwnType() {
		assertThat(this.tasks.itemTypeOf("tags")).isEqualTo(FieldType.STRING);
		assertThat(this.tasks.itemTypeOf("scores")).isEqualTo(FieldType.NUMBER);
		assertThat(this.tasks.itemTypeOf("notes")).isEqualTo(FieldType.OBJECT);
		assertThat(this.tasks.itemTypeOf("title")).isEqualTo(FieldType.UNKNOWN);
	}

	@Test
	void severalTypesOrNoTypeIsUnknown() {
		FieldTypes types = FieldTypes.fromSchema(JsonMapper.builder().build().readTree("""
				{"type": "object", "properties": {
				  "either": {"type": ["string", "number"]},
				  "nullOnly": {"type": "null"},
				  "anyOf": {"anyOf": [{"type": "string"}]},
				  "weird": {"type": 42},
				  "nullable": {"type": ["null", "boolean"]}
				}}"""));
		assertThat(types.typeOf("either")).isEqualTo(FieldType.UNKNOWN);
		assertThat(types.typeOf("nullOnly")).isEqualTo(FieldType.UNKNOWN);
		assertThat(types.typeOf("anyOf")).isEqualTo(FieldType.UNKNOWN);
		assertThat(types.typeOf("weird")).isEqualTo(FieldType.UNKNOWN);
		assertThat(types.typeOf("nullable")).isEqualTo(FieldType.BOOLEAN);
	}

	@Test
	void withoutASchemaOnlySystemFieldsHaveTypes() {
		FieldTypes none = FieldTypes.fromSchema(null);
		assertThat(none.typeOf("title")).isEqualTo(FieldType.UNKNOWN);
		assertThat(none.typeOf("_createdAt")).isEqualTo(FieldType.DATE_TIME);
		assertThat(FieldTypes.fromSchema(JsonMapper.builder().build().readTree("true")).typeOf("title"))
			.isEqualTo(FieldType.UNKNOWN);
	}

}
