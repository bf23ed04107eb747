package dev.keel.data.collection;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.data.DataFixtures;
import dev.keel.support.web.Problems.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DocumentSchemaTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final DocumentSchema tasks = DocumentSchema.compile(this.json.valueToTree(DataFixtures.taskSchema()));

	@Test
	void reportsEachViolationOnItsFieldWithAReadableMessage() {
		List<FieldProblem> problems = this.tasks.validate(this.json
			.readTree("{\"priority\":\"high\",\"color\":\"red\",\"tags\":[\"a\",2],\"address\":{\"city\":7}}"));

		assertThat(problems).extracting(FieldProblem::field)
			.containsExactly("address.city", "color", "priority", "tags[1]", "title");
		assertThat(problems).allSatisfy((problem) -> assertThat(problem.message()).doesNotStartWith("$"));
	}

	@Test
	void refusesSchemasThatAreNotDraft202012ForObjects() {
		assertThatExceptionOfType(DocumentSchema.InvalidSchema.class)
			.isThrownBy(() -> DocumentSchema.compile(this.json.readTree("{\"type\":\"array\"}")));
		assertThatExceptionOfType(DocumentSchema.InvalidSchema.class).isThrownBy(
				() -> DocumentSchema.compile(this.json.readTree("{\"properties\":{\"a\":{\"type\":\"strin\"}}}")));
		assertThatExceptionOfType(DocumentSchema.InvalidSchema.class)
			.isThrownBy(() -> DocumentSchema.compile(this.json.readTree("[1]")));
	}

	@Test
	void neverFetchesRemoteSchemas() {
		assertThatExceptionOfType(DocumentSchema.InvalidSchema.class).isThrownBy(() -> DocumentSchema
			.compile(this.json.readTree("{\"$ref\":\"http://169.254.169.254/latest/meta-data\"}"))
			.validate(this.json.readTree("{}")));
	}

}
