package dev.keel.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset cursors (data-contract "Queries"): paging through 250 documents while other
 * clients insert and delete between the pages returns every document that existed
 * throughout exactly once, in order.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 80)
class DocumentPagingSystemTests {

	private static User user;

	private static String collection;

	private static Set<String> originals;

	@BeforeAll
	static void seed() throws Exception {
		user = DataFixtures.newUser();
		collection = DataFixtures.define(DataFixtures.admin().accessToken(),
				json("{'type': 'object', 'properties': {'n': {'type': 'integer'}, 'priority': {'type': 'integer'}}}"),
				access("authenticated"));
		List<Future<String>> created = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
			for (int n = 0; n < 250; n++) {
				Map<String, Object> document = Map.of("n", n, "priority", n % 10);
				created.add(clients.submit(() -> create(user.token(), collection, document).path("_id").asString()));
			}
		}
		originals = new HashSet<>();
		for (Future<String> id : created) {
			originals.add(id.get());
		}
		assertThat(originals).hasSize(250);
	}

	@Test
	void pagingInCreationOrderWhileOthersWriteReturnsEveryDocumentOnce() {
		List<JsonNode> seen = walk();
		List<String> ids = DataFixtures.ids(seen);
		assertThat(ids).doesNotHaveDuplicates().containsAll(originals).isSorted();
	}

	@Test
	void pagingByDescendingPriorityWhileOthersWriteReturnsEveryDocumentOnce() {
		List<JsonNode> seen = walk("sort", "-priority");
		assertThat(DataFixtures.ids(seen)).doesNotHaveDuplicates().containsAll(originals);
		for (int i = 1; i < seen.size(); i++) {
			JsonNode previous = seen.get(i - 1);
			JsonNode current = seen.get(i);
			int byPriority = Integer.compare(current.path("priority").asInt(), previous.path("priority").asInt());
			assertThat(byPriority).as("priority order at %d", i).isLessThanOrEqualTo(0);
			if (byPriority == 0) {
				assertThat(current.path("_id").asString()).as("tie order at %d", i)
					.isGreaterThan(previous.path("_id").asString());
			}
		}
	}

	/**
	 * Pages of 20; after each page another client adds three documents anywhere in the
	 * order and deletes one it added earlier.
	 */
	private static List<JsonNode> walk(String... parameters) {
		List<JsonNode> seen = new ArrayList<>();
		List<String> late = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			List<String> query = new ArrayList<>(List.of(parameters));
			query.addAll(List.of("limit", "20"));
			if (cursor != null) {
				query.addAll(List.of("cursor", cursor));
			}
			Reply page = DataFixtures.query(user.token(), collection, query.toArray(String[]::new));
			assertThat(page.status()).as(describe(page)).isEqualTo(200);
			assertThat(page.body().path("items").size()).isLessThanOrEqualTo(20);
			page.body().path("items").forEach(seen::add);
			IntStream.range(0, 3)
				.forEach((i) -> late.add(create(user.token(), collection,
						Map.of("n", -1, "priority", ThreadLocalRandom.current().nextInt(10)))
					.path("_id")
					.asString()));
			Reply deleted = Api.delete(DataFixtures.document(collection, late.removeFirst()), user.token());
			assertThat(deleted.status()).as(describe(deleted)).isEqualTo(204);
			cursor = page.body().path("nextCursor").asString(null);
		}
		while (cursor != null && ++pages < 100);
		assertThat(pages).as("pages").isLessThan(100);
		return seen;
	}

}
