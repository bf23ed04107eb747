package dev.keel.data.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.testing.EmbeddedInfrastructure;

import static dev.keel.data.query.TaskCollection.notDeleted;
import static dev.keel.data.query.TaskCollection.task;
import static dev.keel.data.query.TaskCollection.titles;
import static org.assertj.core.api.Assertions.assertThat;

/** Cursor paging over the real driver against the embedded MongoDB-wire store. */
@ExtendWith(EmbeddedInfrastructure.class)
class KeysetPagingIntegrationTests {

	static MongoClient client;

	final FieldTypes taskTypes = QueryFixtures.taskTypes();

	TaskCollection tasks;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(EmbeddedInfrastructure.mongoUri());
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	@BeforeEach
	void freshCollection(TestInfo test) {
		this.tasks = TaskCollection.fresh(client, "paging_" + test.getTestMethod().orElseThrow().getName());
	}

	@Test
	void aFullLastPageHasNoNextCursor() {
		this.tasks.insert(task("a"), task("b"), task("c"), task("d"));
		Page first = this.tasks.find(new QueryRequest(null, null, null, "2", null), this.taskTypes);
		Page second = this.tasks.find(new QueryRequest(null, null, null, "2", first.nextCursor()), this.taskTypes);
		assertThat(titles(first)).containsExactly("a", "b");
		assertThat(titles(second)).containsExactly("c", "d");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void sortingOnValuesOfMixedTypesPagesInMongoDbOrder() {
		List<Object> values = Arrays.asList("b", true, 3L, null, new Document("x", 1), 1, "10",
				Date.from(Instant.parse("2026-01-01T00:00:00Z")), 2.5, false, 3, "a", new Document("x", 0));
		for (int i = 0; i < values.size(); i++) {
			this.tasks.insert(task("t" + i).append("v", values.get(i)));
		}
		this.tasks.insert(task("missing"));
		// null and missing alike first, then numbers, strings, objects, booleans, dates;
		// ties by _id.
		List<String> ascending = List.of("t3", "missing", "t5", "t8", "t2", "t10", "t6", "t11", "t0", "t12", "t4", "t9",
				"t1", "t7");
		List<String> descending = List.of("t7", "t1", "t9", "t4", "t12", "t0", "t11", "t6", "t2", "t10", "t8", "t5",
				"t3", "missing");
		FieldTypes none = QueryFixtures.untyped();
		for (String limit : List.of("1", "2", "3", "100")) {
			assertThat(this.tasks.allTitles(new QueryRequest(null, "v", null, limit, null), none)).as("limit " + limit)
				.containsExactlyElementsOf(ascending);
			assertThat(this.tasks.allTitles(new QueryRequest(null, "-v", null, limit, null), none)).as("limit " + limit)
				.containsExactlyElementsOf(descending);
		}
	}

	@Test
	void sortingOnTwoKeysWithNullsPagesLikeOneQuery() {
		Random random = new Random(7);
		for (int i = 0; i < 60; i++) {
			Document task = task("t" + i);
			int group = random.nextInt(4);
			if (group < 3) {
				task.append("status", (group == 0) ? null : "s" + group);
			}
			this.tasks.insert(task.append("priority", random.nextInt(3)));
		}
		List<String> whole = this.tasks.allTitles(new QueryRequest(null, "status,-priority", null, "100", null),
				this.taskTypes);
		assertThat(whole).hasSize(60);
		assertThat(this.tasks.allTitles(new QueryRequest(null, "status,-priority", null, "7", null), this.taskTypes))
			.containsExactlyElementsOf(whole);
	}

	@Test
	void pagingThroughWhileDocumentsComeAndGoReturnsEveryDocumentThatStayedExactlyOnce() {
		assertEveryStayingDocumentOnce(null);
	}

	@Test
	void pagingOnANonUniqueKeyWhileDocumentsComeAndGoReturnsEveryDocumentThatStayedExactlyOnce() {
		assertEveryStayingDocumentOnce("-priority");
	}

	/**
	 * 250 documents, 20 a page; after each page 5 documents are added and one not yet
	 * seen is deleted.
	 */
	private void assertEveryStayingDocumentOnce(String sort) {
		Random random = new Random(42);
		List<Document> originals = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			originals.add(withRandomPriority(task("original " + i), random));
		}
		this.tasks.documents.insertMany(originals);
		Set<String> deleted = new HashSet<>();
		Set<String> seen = new HashSet<>();
		List<String> returned = new ArrayList<>();
		int[] added = { 0 };
		List<Page> pages = this.tasks.pages(notDeleted, new QueryRequest(null, sort, null, "20", null), this.taskTypes,
				(page) -> {
					page.items().forEach((item) -> seen.add(item.getString("_id")));
					returned.addAll(titles(page));
					for (int i = 0; i < 5; i++) {
						this.tasks.insert(withRandomPriority(task("added " + added[0]++), random));
					}
					originals.stream()
						.map((original) -> original.getString("_id"))
						.filter((id) -> !seen.contains(id) && !deleted.contains(id))
						.skip(random.nextInt(10))
						.findFirst()
						.ifPresent((id) -> {
							deleted.add(id);
							this.tasks.documents.deleteOne(Filters.eq("_id", id));
						});
				});
		assertThat(pages.size()).isGreaterThan(12);
		assertThat(returned).doesNotHaveDuplicates();
		List<String> stayed = originals.stream()
			.filter((original) -> !deleted.contains(original.getString("_id")))
			.sorted(sortedAs(sort))
			.map((original) -> original.getString("title"))
			.toList();
		assertThat(returned.stream().filter((title) -> title.startsWith("original"))).containsExactlyElementsOf(stayed);
	}

	private static Document withRandomPriority(Document task, Random random) {
		int priority = random.nextInt(7);
		if (priority == 5) {
			return task.append("priority", null);
		}
		return (priority == 6) ? task : task.append("priority", priority);
	}

	/** The order MongoDB gives: null and missing first, ties by _id. */
	private static Comparator<Document> sortedAs(String sort) {
		Comparator<Document> byId = Comparator.comparing((document) -> document.getString("_id"));
		if (sort == null) {
			return byId;
		}
		Comparator<Document> byPriority = Comparator.comparing((document) -> document.getInteger("priority"),
				Comparator.nullsFirst(Comparator.naturalOrder()));
		return byPriority.reversed().thenComparing(byId);
	}

}
