package dev.keel.system;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static dev.keel.system.DataFixtures.assertProblem;
import static dev.keel.system.DataFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters written to attack the database (API.md §4: "nothing in a filter can reach a raw
 * database operator"): field names and operators that are not Keel's are refused,
 * operator-looking values are plain strings, and oversized or deeply nested filters are
 * refused without harm. The collection is the same afterwards.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 70)
class DocumentQuerySafetySystemTests {

	private static TaskSeeds tasks;

	private static List<JsonNode> before;

	@BeforeAll
	static void seed() {
		tasks = TaskSeeds.create();
		before = everything();
	}

	@AfterAll
	static void nothingChanged() {
		assertThat(everything()).isEqualTo(before);
	}

	@Test
	void fieldsAndOperatorsThatAreNotKeelsAreRefused() {
		for (String filter : List.of("$where==1", "a.$b==1", "name=ne=x", "title=regex=.*", "_outbox==x", "_secret==1",
				"$or==x", "title.$gt==1", "a..b==1", ".a==1", "title==x;$where==1", "title==x,_outbox=exists=true",
				"priority=gt='{\"$gt\":0}'", "title=gt=x)", "(title==x", ")(", "title==\"open", "title", "==x",
				"title=in=(a,b")) {
			assertRefused(filter);
		}
	}

	@Test
	void operatorLookingValuesAreJustStrings() {
		for (String filter : List.of("title=='{\"$gt\":\"\"}'", "title==$ne", "title=='$where'", "title=='this.title'",
				"title=='*[a-z]*'", "title=='(*'", "title=='*.*'", "note=='{\"$exists\":true}'",
				"title=in=('{\"$ne\":1}',$gt)", "address.city=='{\"$regex\":\".*\"}'")) {
			Reply reply = DataFixtures.query(tasks.owner().token(), tasks.collection(), "filter", filter);
			assertThat(reply.status()).as(describe(reply)).isEqualTo(200);
			assertThat(reply.body().path("items").size()).as(filter).isZero();
			assertThat(DataFixtures.count(tasks.owner().token(), tasks.collection(), filter)).as(filter).isZero();
		}
	}

	@Test
	void oversizedAndDeeplyNestedFiltersAreRefused() {
		assertRefused("title==" + "a".repeat(4993));
		assertRefused("(".repeat(1000) + "title==a" + ")".repeat(1000));
		assertRefused("(".repeat(9) + "title==a" + ")".repeat(9));
		assertRefused(IntStream.range(0, 65).mapToObj((i) -> "title==a" + i).collect(Collectors.joining(";")));
		assertRefused(
				"title=in=(" + IntStream.range(0, 101).mapToObj((i) -> "v" + i).collect(Collectors.joining(",")) + ")");
	}

	@Test
	void filtersWithinTheLimitsAreAnswered() {
		String many = IntStream.range(0, 64).mapToObj((i) -> "title==a" + i).collect(Collectors.joining(","));
		assertThat(tasks.query("filter", many)).isEmpty();
		String hundred = "title=in=(beta,"
				+ IntStream.range(0, 99).mapToObj((i) -> "v" + i).collect(Collectors.joining(",")) + ")";
		assertThat(tasks.query("filter", hundred)).containsExactly("beta");
		String longest = "title=in=(gamma," + "z".repeat(4096 - "title=in=(gamma,)".length()) + ")";
		assertThat(longest).hasSize(4096);
		assertThat(tasks.query("filter", longest)).containsExactly("gamma");
	}

	private static void assertRefused(String filter) {
		assertProblem(DataFixtures.query(tasks.owner().token(), tasks.collection(), "filter", filter), 400,
				"invalid_filter");
		assertProblem(DataFixtures.countReply(tasks.owner().token(), tasks.collection(), filter), 400,
				"invalid_filter");
	}

	private static List<JsonNode> everything() {
		return DataFixtures.allPages(DataFixtures.admin().accessToken(), tasks.collection(), "limit", "100");
	}

}
