package dev.keel.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static dev.keel.system.DataFixtures.assertProblem;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a query answers (API.md §4, data-contract "Queries"): sorting with ties broken by
 * {@code _id}, projections that keep the system fields, limits and cursors.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 60)
class DocumentQueryOptionsSystemTests {

	private static final List<String> SYSTEM_FIELDS = List.of("_id", "_owner", "_version", "_createdAt", "_updatedAt");

	private static TaskSeeds tasks;

	@BeforeAll
	static void seed() {
		tasks = TaskSeeds.create();
	}

	@Test
	void sortsByFieldsWithTiesBrokenById() {
		List<String> byPriority = new ArrayList<>(List.of("omega", "delta"));
		byPriority.addAll(tasks.inIdOrder("beta", "gamma"));
		byPriority.addAll(List.of("alphabet", "alpha"));
		assertThat(tasks.query("sort", "-priority")).containsExactlyElementsOf(byPriority);
		assertThat(tasks.query("sort", "priority,-title")).containsExactly("alpha", "alphabet", "gamma", "beta",
				"delta", "omega");
		assertThat(tasks.query("sort", "title")).containsExactly("alpha", "alphabet", "beta", "delta", "gamma",
				"omega");
		assertThat(tasks.query("sort", "-title")).containsExactly("omega", "gamma", "delta", "beta", "alphabet",
				"alpha");
		assertThat(tasks.query("sort", "done,-priority", "filter", "priority=ge=2")).containsExactly("delta", "beta",
				"omega", "gamma", "alphabet");
		String[] all = tasks.titles().toArray(String[]::new);
		assertThat(tasks.query()).containsExactlyElementsOf(tasks.inIdOrder(all));
		assertThat(tasks.query("sort", "-_id")).containsExactlyElementsOf(tasks.inIdOrder(all).reversed());
	}

	@Test
	void pagesFollowTheSortOrderWithoutGapsOrRepeats() {
		for (String sort : List.of("-priority", "title", "done,-priority", "_id", "address.city")) {
			List<String> single = tasks.query("sort", sort, "limit", "100");
			List<String> paged = DataFixtures
				.allPages(tasks.owner().token(), tasks.collection(), "sort", sort, "limit", "2")
				.stream()
				.map((document) -> document.path("title").asString())
				.toList();
			assertThat(paged).as(sort).hasSize(6).containsExactlyElementsOf(single);
		}
		assertThat(
				DataFixtures.allPages(tasks.owner().token(), tasks.collection(), "filter", "done==true", "limit", "1"))
			.hasSize(3);
	}

	@Test
	void badSortsAreRefused() {
		String nine = IntStream.rangeClosed(1, 9).mapToObj((i) -> "f" + i).collect(Collectors.joining(","));
		for (String sort : List.of("$where", "a..b", "_outbox", "-", "title,,priority", "{\"$natural\":1}", nine)) {
			assertProblem(DataFixtures.query(tasks.owner().token(), tasks.collection(), "sort", sort), 400,
					"invalid_sort");
		}
	}

	@Test
	void projectionsKeepTheSystemFields() {
		JsonNode alpha = only("fields", "title", "filter", "title==alpha");
		List<String> expected = new ArrayList<>(SYSTEM_FIELDS);
		expected.add("title");
		assertThat(alpha.propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(alpha.path("_id").asString()).isEqualTo(tasks.id("alpha"));

		JsonNode nested = only("fields", "address.city,priority", "filter", "title==alpha");
		assertThat(nested.path("address")).isEqualTo(json("{'city': 'Oslo'}"));
		assertThat(nested.path("priority").asInt()).isEqualTo(1);
		assertThat(nested.has("title")).isFalse();
		assertThat(nested.has("tags")).isFalse();

		JsonNode gamma = only("fields", "address.city", "filter", "title==gamma");
		assertThat(gamma.propertyNames()).containsExactlyInAnyOrderElementsOf(SYSTEM_FIELDS);

		String many = IntStream.rangeClosed(1, 33).mapToObj((i) -> "f" + i).collect(Collectors.joining(","));
		for (String fields : List.of("$where", "_outbox", "a..b", "a.$b", many)) {
			assertProblem(DataFixtures.query(tasks.owner().token(), tasks.collection(), "fields", fields), 400,
					"invalid_fields");
		}
	}

	@Test
	void limitsOutsideOneToAHundredAreRefused() {
		for (String limit : List.of("0", "101", "abc", "-1", "1.5")) {
			assertProblem(DataFixtures.query(tasks.owner().token(), tasks.collection(), "limit", limit), 400,
					"invalid_limit");
		}
		Reply one = DataFixtures.query(tasks.owner().token(), tasks.collection(), "limit", "1");
		assertThat(one.body().path("items").size()).as(describe(one)).isOne();
		assertThat(one.body().path("nextCursor").isString()).isTrue();
		Reply all = DataFixtures.query(tasks.owner().token(), tasks.collection(), "limit", "100");
		assertThat(all.body().path("items").size()).isEqualTo(6);
		assertThat(all.body().path("nextCursor").isNull()).as(describe(all)).isTrue();
		assertThat(tasks.query()).hasSize(6);
	}

	@Test
	void cursorsOnlyContinueTheQueryTheyCameFrom() {
		Reply first = DataFixtures.query(tasks.owner().token(), tasks.collection(), "sort", "title", "limit", "2");
		String cursor = first.field("nextCursor");
		assertThat(cursor).as(describe(first)).isNotBlank();
		assertThat(tasks.query("sort", "title", "limit", "2", "cursor", cursor)).containsExactly("beta", "delta");

		char middle = cursor.charAt(cursor.length() / 2);
		String tampered = cursor.substring(0, cursor.length() / 2) + ((middle == 'A') ? 'B' : 'A')
				+ cursor.substring(cursor.length() / 2 + 1);
		for (String[] query : List.of(new String[] { "sort", "title", "cursor", "garbage" },
				new String[] { "sort", "title", "cursor", tampered },
				new String[] { "sort", "-title", "cursor", cursor },
				new String[] { "sort", "title", "filter", "done==true", "cursor", cursor },
				new String[] { "cursor", cursor })) {
			assertProblem(DataFixtures.query(tasks.owner().token(), tasks.collection(), query), 400, "invalid_cursor");
		}
	}

	private static JsonNode only(String... parameters) {
		Reply reply = DataFixtures.query(tasks.owner().token(), tasks.collection(), parameters);
		assertThat(reply.body().path("items").size()).as(describe(reply)).isOne();
		return reply.body().path("items").path(0);
	}

}
