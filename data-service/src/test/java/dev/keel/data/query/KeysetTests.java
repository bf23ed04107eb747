package dev.keel.data.query;

import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static dev.keel.data.query.QueryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class KeysetTests {

	private static final FieldTypes untyped = QueryFixtures.untyped();

	private static String after(String sort, Object... values) {
		return json(Keyset.after(SortOrder.parse(sort, untyped).keys(), Arrays.asList(values)));
	}

	@Test
	void byIdAloneIsAPlainRange() {
		assertThat(after(null, "b1")).isEqualTo("{\"_id\": {\"$gt\": \"b1\"}}");
		assertThat(after("-_id", "b1")).isEqualTo("{\"_id\": {\"$lt\": \"b1\"}}");
	}

	@Test
	void ascendingAfterANumberIncludesGreaterNumbersAndEveryTypeSortingAfterNumbers() {
		assertThat(after("p", 3, "b1")).isEqualTo("{\"$or\": [{\"$or\": [{\"p\": {\"$gt\": 3}}, {\"p\": {\"$type\": "
				+ "[\"string\", \"object\", \"binData\", \"objectId\", \"bool\", \"date\", \"timestamp\", \"regex\"]}}]}, "
				+ "{\"$and\": [{\"p\": {\"$eq\": 3}}, {\"_id\": {\"$gt\": \"b1\"}}]}]}");
	}

	@Test
	void descendingAfterAStringIncludesSmallerStringsNumbersAndNulls() {
		assertThat(after("-p", "m", "b1")).isEqualTo("{\"$or\": [{\"$or\": [{\"p\": {\"$lt\": \"m\"}}, {\"p\": null}, "
				+ "{\"p\": {\"$type\": [\"double\", \"int\", \"long\", \"decimal\"]}}]}, "
				+ "{\"$and\": [{\"p\": {\"$eq\": \"m\"}}, {\"_id\": {\"$gt\": \"b1\"}}]}]}");
	}

	@Test
	void afterANullAscendingIsAnythingNotNullAndDescendingOnlyOtherNulls() {
		assertThat(after("p", null, "b1")).isEqualTo(
				"{\"$or\": [{\"p\": {\"$ne\": null}}, {\"$and\": [{\"p\": null}, {\"_id\": {\"$gt\": \"b1\"}}]}]}");
		assertThat(after("-p", null, "b1")).isEqualTo("{\"$and\": [{\"p\": null}, {\"_id\": {\"$gt\": \"b1\"}}]}");
	}

	@Test
	void aCursorValueThatLooksLikeAnOperatorIsComparedAsALiteral() {
		assertThat(after("-p", new Document("$ne", null), "b1")).contains("{\"p\": {\"$eq\": {\"$ne\": null}}}")
			.contains("{\"p\": {\"$lt\": {\"$ne\": null}}}");
	}

	@Test
	void laterKeysOnlyCountWhenEarlierOnesAreEqual() {
		String condition = after("a,-b", 1, List.of(), "b1");
		assertThat(condition).startsWith("{\"$or\": [{\"$or\": [{\"a\": {\"$gt\": 1}}")
			.contains("{\"$and\": [{\"a\": {\"$eq\": 1}}, {\"$or\": [{\"b\": {\"$lt\": []}}")
			.endsWith("{\"$and\": [{\"a\": {\"$eq\": 1}}, {\"b\": {\"$eq\": []}}, {\"_id\": {\"$gt\": \"b1\"}}]}]}");
	}

}
