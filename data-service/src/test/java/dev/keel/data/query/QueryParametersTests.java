package dev.keel.data.query;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.keel.data.query.QueryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sort, fields and limit, as a client writes them. */
class QueryParametersTests {

	private final FieldTypes tasks = QueryFixtures.taskTypes();

	@Test
	void sortDefaultsToCreationOrder() {
		assertThat(SortOrder.parse(null, this.tasks).canonical()).isEqualTo("_id");
		assertThat(SortOrder.parse("", this.tasks).canonical()).isEqualTo("_id");
	}

	@Test
	void sortKeysAreFollowedByTheIdTieBreak() {
		SortOrder sort = SortOrder.parse("status,-priority", this.tasks);
		assertThat(sort.canonical()).isEqualTo("status,-priority,_id");
		assertThat(json(sort.toBson())).isEqualTo("{\"status\": 1, \"priority\": -1, \"_id\": 1}");
	}

	@Test
	void anExplicitIdKeyDecidesTheTieBreakDirection() {
		assertThat(SortOrder.parse("-_id", this.tasks).canonical()).isEqualTo("-_id");
		assertThat(SortOrder.parse("priority,-_id,title", this.tasks).canonical()).isEqualTo("priority,-_id");
		assertThat(SortOrder.parse("-_createdAt", this.tasks).canonical()).isEqualTo("-_createdAt,_id");
	}

	@Test
	void eightSortKeysAreAllowed() {
		assertThat(SortOrder.parse("a,b,c,d,e,f,g,h", this.tasks).keys()).hasSize(9);
		assertRejected(() -> SortOrder.parse("a,b,c,d,e,f,g,h,i", this.tasks), "invalid_sort", null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "$natural", "_outbox", "a..b", "-", "title,,priority", "title,-title", "tags",
			"notes.text", "a b" })
	void badSortsAreRejected(String sort) {
		assertThatThrownBy(() -> SortOrder.parse(sort, this.tasks)).isInstanceOf(QueryRejectedException.class)
			.extracting("code")
			.isEqualTo("invalid_sort");
	}

	@Test
	void withoutFieldsEverythingButTheOutboxComesBack() {
		assertThat(json(FieldSelection.ALL.projection(SortOrder.DEFAULT)))
			.isEqualTo("{\"_outbox\": 0, \"_outboxLease\": 0, \"_outboxDeleteWhenDrained\": 0}");
		Document stored = QueryFixtures.aStoredDocument("u").append("title", "t").append("_outbox", List.of());
		assertThat(FieldSelection.ALL.present(stored, SortOrder.DEFAULT)).containsKey("title")
			.doesNotContainKey("_outbox");
	}

	@Test
	void fieldsProjectUserFieldsAndAlwaysTheSystemFields() {
		FieldSelection fields = FieldSelection.parse("title, address.city,_id");
		assertThat(json(fields.projection(SortOrder.DEFAULT)))
			.contains("\"title\": 1", "\"address.city\": 1", "\"_id\": 1", "\"_owner\": 1", "\"_version\": 1",
					"\"_createdAt\": 1", "\"_updatedAt\": 1")
			.doesNotContain("_outbox");
	}

	@Test
	void sortKeysAreFetchedForTheCursorButOnlyRequestedFieldsComeBack() {
		SortOrder sort = SortOrder.parse("-priority,address", this.tasks);
		FieldSelection fields = FieldSelection.parse("title,address.city");
		assertThat(json(fields.projection(sort))).contains("\"priority\": 1", "\"address\": 1")
			.doesNotContain("address.city");
		Document stored = QueryFixtures.aStoredDocument("u")
			.append("title", "t")
			.append("priority", 3)
			.append("address", new Document("city", "Paris").append("zip", 75001));
		Document presented = fields.present(stored, sort);
		assertThat(presented).containsKeys("_id", "_owner", "_version", "_createdAt", "_updatedAt", "title")
			.doesNotContainKey("priority");
		assertThat(presented.get("address")).isEqualTo(new Document("city", "Paris"));
	}

	@Test
	void projectingInsideArraysKeepsOnlyTheNamedFieldOfEachObject() {
		Document stored = new Document("_id", "1").append("notes",
				List.of(new Document("text", "a").append("by", "x"), "scalar", new Document("by", "y")));
		Document retained = DocumentPaths.retain(stored, List.of("_id", "notes.text"));
		assertThat(retained)
			.isEqualTo(new Document("_id", "1").append("notes", List.of(new Document("text", "a"), new Document())));
	}

	@Test
	void sortValuesAreReadLikeMongoDbDoes() {
		Date when = new Date();
		Document stored = new Document("a", new Document("b", 2)).append("when", when).append("s", "x");
		assertThat(DocumentPaths.valueAt(stored, "a.b")).isEqualTo(2);
		assertThat(DocumentPaths.valueAt(stored, "when")).isEqualTo(when);
		assertThat(DocumentPaths.valueAt(stored, "missing")).isNull();
		assertThat(DocumentPaths.valueAt(stored, "s.deeper")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "$where", "_outbox", "a..b", "title,", "a b" })
	void badFieldsAreRejected(String fields) {
		assertThatThrownBy(() -> FieldSelection.parse(fields)).isInstanceOf(QueryRejectedException.class)
			.extracting("code")
			.isEqualTo("invalid_fields");
	}

	@Test
	void atMost32Fields() {
		FieldSelection.parse(String.join(",", java.util.Collections.nCopies(32, "title")));
		assertRejected(() -> FieldSelection.parse(String.join(",", java.util.Collections.nCopies(33, "title"))),
				"invalid_fields", null);
	}

	@Test
	void limitIsFrom1To100AndDefaultsTo20() {
		assertThat(PageLimit.parse(null)).isEqualTo(20);
		assertThat(PageLimit.parse("")).isEqualTo(20);
		assertThat(PageLimit.parse("1")).isEqualTo(1);
		assertThat(PageLimit.parse("100")).isEqualTo(100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "-1", "abc", "1.5", "99999999999", "1e2", "0x10" })
	void otherLimitsAreRejected(String limit) {
		assertRejected(() -> PageLimit.parse(limit), "invalid_limit", null);
	}

	private static void assertRejected(Runnable action, String code, String field) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(QueryRejectedException.class, (rejection) -> {
			assertThat(rejection.code()).isEqualTo(code);
			assertThat(rejection.field()).isEqualTo(field);
			assertThat(rejection.getMessage()).isNotBlank();
		});
	}

}
