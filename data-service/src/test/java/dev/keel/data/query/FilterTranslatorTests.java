package dev.keel.data.query;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.keel.data.query.QueryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FilterTranslatorTests {

	private final FieldTypes tasks = QueryFixtures.taskTypes();

	private String translated(String filter) {
		return json(FilterTranslator.translate(filter, this.tasks));
	}

	private String untyped(String filter) {
		return json(FilterTranslator.translate(filter, QueryFixtures.untyped()));
	}

	private QueryRejectedException rejected(String filter) {
		return (QueryRejectedException) assertThatThrownBy(() -> FilterTranslator.translate(filter, this.tasks))
			.isInstanceOf(QueryRejectedException.class)
			.actual();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			priority==3          | {"priority": 3}
			priority!=3          | {"priority": {"$ne": 3}}
			priority=lt=3        | {"priority": {"$lt": 3}}
			priority=le=3        | {"priority": {"$lte": 3}}
			priority=gt=3        | {"priority": {"$gt": 3}}
			priority=ge=3        | {"priority": {"$gte": 3}}
			priority=in=(1,2)    | {"priority": {"$in": [1, 2]}}
			priority=out=(1,2)   | {"priority": {"$nin": [1, 2]}}
			priority=exists=true | {"priority": {"$exists": true}}
			status=exists=false  | {"status": {"$exists": false}}
			""")
	void everyOperatorBecomesItsMongoDbComparison(String filter, String expected) {
		assertThat(translated(filter)).isEqualTo(expected);
	}

	@Test
	void andOrAndParenthesesKeepTheirMeaning() {
		assertThat(translated("status==open;(priority=ge=3,done==true)")).isEqualTo(
				"{\"$and\": [{\"status\": \"open\"}, {\"$or\": [{\"priority\": {\"$gte\": 3}}, {\"done\": true}]}]}");
		assertThat(translated("status==open and priority=ge=3 or done==true")).isEqualTo(
				"{\"$or\": [{\"$and\": [{\"status\": \"open\"}, {\"priority\": {\"$gte\": 3}}]}, {\"done\": true}]}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			title==3                                 | {"title": "3"}
			status==true                             | {"status": "true"}
			score==2.5                               | {"score": 2.5}
			score==-4                                | {"score": -4}
			score=gt=1e3                             | {"score": {"$gt": 1000}}
			priority==3.0                            | {"priority": 3}
			done==false                              | {"done": false}
			due==2026-11-24T10:15:30.123Z            | {"due": "2026-11-24T10:15:30.123Z"}
			address.city==3                          | {"address.city": "3"}
			address.zip=gt=1000                      | {"address.zip": {"$gt": 1000}}
			tags==7                                  | {"tags": "7"}
			scores=gt=7                              | {"scores": {"$gt": 7}}
			notes.text==7                            | {"notes.text": "7"}
			_id==65f1c0de0000000000000000            | {"_id": "65f1c0de0000000000000000"}
			_owner==user-1                           | {"_owner": "user-1"}
			_version=ge=2                            | {"_version": {"$gte": 2}}
			_createdAt=ge=2026-11-24T10:15:30.123Z   | {"_createdAt": {"$gte": {"$date": "2026-11-24T10:15:30.123Z"}}}
			_updatedAt=lt=2026-11-24T12:15:30+02:00  | {"_updatedAt": {"$lt": {"$date": "2026-11-24T10:15:30Z"}}}
			""")
	void valuesAreTypedByTheSchema(String filter, String expected) {
		assertThat(translated(filter)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			priority==2.5                | priority
			priority==three              | priority
			score==1e999                 | score
			score==0x10                  | score
			done==yes                    | done
			address==Paris               | address
			notes==x                     | notes
			scores==x                    | scores
			_version==one                | _version
			_createdAt==yesterday        | _createdAt
			_createdAt==2026-11-24       | _createdAt
			priority=in=(1,two)          | priority
			priority==3*                 | priority
			""")
	void aValueThatDoesNotFitTheSchemaTypeIsRejectedOnItsField(String filter, String field) {
		QueryRejectedException rejection = rejected(filter);
		assertThat(rejection.code()).isEqualTo("invalid_filter");
		assertThat(rejection.field()).isEqualTo(field);
		assertThat(rejection.getMessage()).contains(field);
	}

	@Test
	void withoutASchemaTypeANumberOrBooleanMatchesTheValueOrTheString() {
		assertThat(untyped("count==3")).isEqualTo("{\"count\": {\"$in\": [3, \"3\"]}}");
		assertThat(untyped("count!=3")).isEqualTo("{\"count\": {\"$nin\": [3, \"3\"]}}");
		assertThat(untyped("flag==true")).isEqualTo("{\"flag\": {\"$in\": [true, \"true\"]}}");
		assertThat(untyped("count=gt=2.5"))
			.isEqualTo("{\"$or\": [{\"count\": {\"$gt\": 2.5}}, {\"count\": {\"$gt\": \"2.5\"}}]}");
		assertThat(untyped("count=in=(1,a)")).isEqualTo("{\"count\": {\"$in\": [1, \"1\", \"a\"]}}");
		assertThat(untyped("name==bob")).isEqualTo("{\"name\": \"bob\"}");
		assertThat(untyped("code==007")).isEqualTo("{\"code\": \"007\"}");
		assertThat(untyped("_version==2")).isEqualTo("{\"_version\": 2}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			title==Buy*       | Buy milk      | Go Buy
			title==*milk      | Buy milk      | milk run
			title=='*uy m*'   | Buy milk      | Buymilk
			title==*          | anything      |
			title==a.c*       | a.cd          | abcd
			title=='*(x+)'    | do (x+)       | do xx
			title==$a^*       | $a^b          | a
			title==*\\E.*     | a\\E.b        | a\\Exb
			""")
	void aStarAtTheStartOrEndOfAnEqualsValueIsAWildcardAndEverythingElseIsLiteral(String filter, String matching,
			String notMatching) {
		BsonDocument condition = FilterTranslator.translate(filter, this.tasks).toBsonDocument();
		Pattern pattern = Pattern.compile(condition.get("title").asRegularExpression().getPattern());
		assertThat(pattern.matcher(matching).find()).isTrue();
		if (notMatching != null) {
			assertThat(pattern.matcher(notMatching).find()).isFalse();
		}
	}

	@Test
	void aStarInsideAValueOrInOtherOperatorsIsLiteral() {
		assertThat(translated("title==a*b")).isEqualTo("{\"title\": \"a*b\"}");
		assertThat(translated("title!=abc*")).isEqualTo("{\"title\": {\"$ne\": \"abc*\"}}");
		assertThat(translated("title=in=(abc*)")).isEqualTo("{\"title\": {\"$in\": [\"abc*\"]}}");
		assertThat(untyped("name==*x")).contains("$regularExpression");
	}

	@Test
	void aWildcardValueWithANulCharacterStillMakesAValidPattern() {
		String pattern = FilterValues.wildcardPattern("a\0b*");
		assertThat(pattern).doesNotContain("\0");
		assertThat(Pattern.compile(pattern).matcher("a\0bc").find()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "$where==1", "a.$b==1", "_outbox==x", "_outboxLease==x", "_outboxDeleteWhenDrained==true",
			"a..b==1", ".a==1", "a.==1", "'$where'==1", "\"a b\"==1", "_id.x==1", "a._b==1", "__proto__==1",
			"'$expr'=exists=true", "a.b.c.d.e.f.g.h.i==1" })
	void fieldPathsOutsideTheAllowListAreRejected(String filter) {
		QueryRejectedException rejection = rejected(filter);
		assertThat(rejection.code()).isEqualTo("invalid_filter");
		assertThat(rejection.field()).isEqualTo(filter.substring(0, filter.indexOf('=')).replaceAll("['\"]", ""));
	}

	@Test
	void aPathOfEightSegmentsAndTwoHundredFiftySixCharactersIsAllowedButNoLonger() {
		assertThat(untyped("a.b.c.d.e.f.g.h==1")).startsWith("{\"a.b.c.d.e.f.g.h\"");
		String longest = "a".repeat(256);
		assertThat(untyped(longest + "==x")).contains(longest);
		assertThat(rejected("a" + longest + "==x").code()).isEqualTo("invalid_filter");
	}

	@Test
	void operatorsInsideValuesStayLiteralStrings() {
		assertThat(translated("title=='{\"$ne\":null}'")).isEqualTo("{\"title\": \"{\\\"$ne\\\":null}\"}");
		assertThat(untyped("name=='{\"$gt\":\"\"}'")).isEqualTo("{\"name\": \"{\\\"$gt\\\":\\\"\\\"}\"}");
		assertThat(translated("title==$ne")).isEqualTo("{\"title\": \"$ne\"}");
		assertThat(translated("title=in=($where,'$gt')")).isEqualTo("{\"title\": {\"$in\": [\"$where\", \"$gt\"]}}");
	}

	@Test
	void aFilterLongerThan4096CharactersIsRejected() {
		String longest = "title==" + "x".repeat(4096 - 7);
		assertThat(translated(longest)).contains("xxx");
		assertThat(rejected(longest + "x").getMessage()).contains("4096");
	}

	@Test
	void tenThousandNestedParenthesesAreAQuickRejectionNotAStackOverflow() {
		String deep = "(".repeat(10_000) + "title==x" + ")".repeat(10_000);
		assertTimeoutPreemptively(Duration.ofSeconds(1),
				() -> assertThat(rejected(deep).code()).isEqualTo("invalid_filter"));
		String deepButShort = "(".repeat(2_000) + "title==x" + ")".repeat(2_000);
		assertTimeoutPreemptively(Duration.ofSeconds(1),
				() -> assertThat(rejected(deepButShort).getMessage()).contains("deeper than 8"));
	}

	@Test
	void eightLevelsOfParenthesesAreAllowedAndNine() {
		assertThat(translated("(".repeat(8) + "title==x" + ")".repeat(8))).isEqualTo("{\"title\": \"x\"}");
		assertThat(translated("((((((((title=in=(a,b)))))))))")).contains("$in");
		assertThat(rejected("(".repeat(9) + "title==x" + ")".repeat(9)).getMessage()).contains("deeper than 8");
	}

	@Test
	void parenthesesInsideQuotedValuesDoNotCount() {
		assertThat(translated("title=='" + "(".repeat(20) + "'")).isEqualTo("{\"title\": \"" + "(".repeat(20) + "\"}");
	}

	@Test
	void atMost64Comparisons() {
		assertThat(translated(comparisons(64))).startsWith("{\"$or\"");
		assertThat(rejected(comparisons(65)).getMessage()).contains("64 comparisons");
	}

	@Test
	void atMost100ValuesInAnInOrOutList() {
		assertThat(translated("priority=in=(" + values(100) + ")")).contains("99");
		QueryRejectedException rejection = rejected("priority=out=(" + values(101) + ")");
		assertThat(rejection.getMessage()).contains("100 values");
		assertThat(rejection.field()).isEqualTo("priority");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			title==               | malformed
			title==1;             | ends unexpectedly
			(title==1             | ends unexpectedly
			title==1)             | Unbalanced
			title==1,,done==true  | position 10
			title=like=1          | Unknown operator '=like='
			priority>1            | Unknown operator '>'
			title==x=y            | quote
			title=="open          | quote
			title==(a,b)          | exactly 1
			priority=in=()        | malformed
			done=exists=maybe     | true or false
			title                 | ends unexpectedly
			==x                   | position 1
			""")
	void malformedFiltersAreRejectedWithAReadableMessage(String filter, String message) {
		QueryRejectedException rejection = rejected(filter);
		assertThat(rejection.code()).isEqualTo("invalid_filter");
		assertThat(rejection.getMessage()).contains(message).doesNotContain("Was expecting").doesNotContain("\n");
	}

	@Test
	void aBlankFilterIsNoCondition() {
		assertThat(FilterTranslator.translate(null, this.tasks)).isNull();
		assertThat(FilterTranslator.translate("  ", this.tasks)).isNull();
	}

	private static String comparisons(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "title==t" + i).collect(Collectors.joining(","));
	}

	private static String values(int count) {
		return IntStream.range(0, count).mapToObj(String::valueOf).collect(Collectors.joining(","));
	}

}
