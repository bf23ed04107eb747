package dev.keel.data.document;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.keel.support.web.Problems.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring-free rules of documents: names, nesting, merge patch and If-Match. */
class DocumentModelTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void mergePatchFollowsRfc7386() {
		ObjectNode target = object("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"list\":[1,2]}");
		ObjectNode patch = object("{\"a\":\"z\",\"c\":{\"f\":null},\"list\":[3],\"new\":{\"x\":1}}");

		assertThat(MergePatch.apply(target, patch))
			.isEqualTo(object("{\"a\":\"z\",\"c\":{\"d\":\"e\"},\"list\":[3],\"new\":{\"x\":1}}"));
		assertThat(target.get("a").asString()).as("target untouched").isEqualTo("b");
	}

	@Test
	void refusesReservedNamesAtAnyDepth() {
		assertThat(UserFields.check(object("{\"ok\":{\"list\":[{\"$gt\":1}]},\"_id\":1,\"a.b\":2,\"\":3}")))
			.extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("ok.list[0].$gt", "_id", "a.b", "");
		assertThat(UserFields.check(object("{\"title\":\"fine\",\"n\":{\"m\":[1,{\"k\":null}]}}"))).isEmpty();
	}

	@Test
	void allowsThirtyTwoLevelsOfNesting() {
		String allowed = "{\"a\":".repeat(32) + "1" + "}".repeat(32);
		assertThat(UserFields.check(this.json.readTree("{\"r\":" + allowed + "}"))).isNotEmpty();
		assertThat(UserFields.check(this.json.readTree(allowed))).isEmpty();
	}

	@Test
	void ifMatchAcceptsStrongWeakListsAndStar() {
		assertThat(new Precondition(null).matches(3)).isTrue();
		assertThat(new Precondition("*").matches(3)).isTrue();
		assertThat(new Precondition("\"3\"").matches(3)).isTrue();
		assertThat(new Precondition("W/\"3\"").matches(3)).isTrue();
		assertThat(new Precondition("\"1\", \"3\"").matches(3)).isTrue();
		assertThat(new Precondition("\"2\"").matches(3)).isFalse();
		assertThat(new Precondition("garbage").matches(3)).isFalse();
	}

	@Test
	void documentSizeIsItsCompactJsonInBytes() {
		// {"a":"…"} is 8 bytes around the value; é is two bytes in UTF-8.
		String fits = "x".repeat(DocumentSize.MAX_BYTES - 8);
		assertThat(DocumentSize.exceedsLimit(object("{\"a\":\"" + fits + "\"}"))).isFalse();
		assertThat(DocumentSize.exceedsLimit(object("{\"a\":\"" + fits + "y\"}"))).isTrue();
		assertThat(DocumentSize.exceedsLimit(object("{\"a\":\"" + "é".repeat(DocumentSize.MAX_BYTES / 2) + "\"}")))
			.isTrue();
	}

	private ObjectNode object(String text) {
		return (ObjectNode) this.json.readTree(text);
	}

}
