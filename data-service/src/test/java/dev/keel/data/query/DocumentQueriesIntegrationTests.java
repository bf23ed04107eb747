package dev.keel.data.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.keel.launcher.testing.EmbeddedInfrastructure;
import dev.keel.support.outbox.Outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queries over the real driver against the embedded MongoDB-wire store. */
@ExtendWith(EmbeddedInfrastructure.class)
class DocumentQueriesIntegrationTests {

	static final Bson notDeleted = Filters.ne(Outbox.DELETE_WHEN_DRAINED, true);

	static MongoClient client;

	final DocumentQueries queries = new DocumentQueries(Duration.ofSeconds(10));

	final FieldTypes taskTypes = QueryFixtures.taskTypes();

	MongoCollection<Document> tasks;

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
		this.tasks = client.getDatabase("query_tests").getCollection(test.getTestMethod().orElseThrow().getName());
		this.tasks.drop();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			status==open                          | Buy milk, Call mom, Buy bread
			status!=open                          | Write report, Fix bike
			priority==5                           | Call mom
			priority=lt=3                         | Write report, Fix bike
			priority=le=3                         | Buy milk, Write report, Fix bike, Buy bread
			priority=gt=3                         | Call mom
			priority=ge=3                         | Buy milk, Call mom, Buy bread
			priority=in=(1,5)                     | Write report, Call mom
			priority=out=(1,5)                    | Buy milk, Fix bike, Buy bread
			score=ge=2.5                          | Buy milk, Write report
			done==false                           | Buy milk, Call mom
			done=exists=false                     | Fix bike, Buy bread
			tags=exists=true                      | Buy milk, Write report, Fix bike
			tags==food                            | Buy milk
			tags=in=(work,food)                   | Buy milk, Write report
			address.city==Paris                   | Buy milk, Buy bread
			title==Buy*                           | Buy milk, Buy bread
			title==*milk                          | Buy milk
			title==*i*                            | Buy milk, Write report, Fix bike
			title==*I*                            |
			title==Buy                            |
			status==open;priority=gt=3            | Call mom
			status==open and priority=gt=3        | Call mom
			(status==done,priority==2);title==*e* | Write report, Fix bike
			priority==1,priority==5               | Write report, Call mom
			_owner==alice                         | Buy milk, Call mom
			title=='{"$ne":null}'                 |
			title=='*'                            | Buy milk, Write report, Call mom, Fix bike, Buy bread
			title=in=(*)                          |
			""")
	void everyOperatorFindsWhatAUserExpects(String filter, String expected) {
		insertTasks();
		List<String> titles = titles(
				this.queries.find(this.tasks, notDeleted, QueryRequest.filter(filter), this.taskTypes));
		assertThat(titles).containsExactlyElementsOf((expected != null) ? List.of(expected.split(", ")) : List.of());
		assertThat(this.queries.count(this.tasks, notDeleted, filter, this.taskTypes)).isEqualTo(titles.size());
	}

	@Test
	void withoutASchemaANumberOrBooleanMatchesBothTheValueAndTheString() {
		insert(task("number seven").append("code", 7), task("string seven").append("code", "7"),
				task("letter").append("code", "x"), task("true").append("flag", true),
				task("text true").append("flag", "true"));
		FieldTypes none = QueryFixtures.untyped();
		assertThat(titles(this.queries.find(this.tasks, notDeleted, QueryRequest.filter("code==7"), none)))
			.containsExactly("number seven", "string seven");
		assertThat(titles(this.queries.find(this.tasks, notDeleted, QueryRequest.filter("flag==true"), none)))
			.containsExactly("true", "text true");
		assertThat(titles(this.queries.find(this.tasks, notDeleted, QueryRequest.filter("code=lt=8"), none)))
			.containsExactly("number seven", "string seven");
	}

	@Test
	void systemTimestampsAreFilteredByRfc3339() {
		insert(task("old").append("_createdAt", date("2026-01-01T00:00:00Z")),
				task("new").append("_createdAt", date("2026-06-01T12:00:00.500Z")));
		assertThat(titles(this.queries.find(this.tasks, notDeleted,
				QueryRequest.filter("_createdAt=gt=2026-06-01T12:00:00.499Z"), this.taskTypes)))
			.containsExactly("new");
		assertThat(
				this.queries.count(this.tasks, notDeleted, "_createdAt=lt=2026-06-01T14:00:00+02:00", this.taskTypes))
			.isEqualTo(1);
	}

	@Test
	void theScopeAppliesToEveryPageAndToCounts() {
		for (int i = 0; i < 5; i++) {
			insert(task("alice " + i).append("_owner", "alice"), task("bob " + i).append("_owner", "bob"));
		}
		insert(task("alice deleted").append("_owner", "alice").append(Outbox.DELETE_WHEN_DRAINED, true));
		Bson alices = Filters.and(Filters.eq("_owner", "alice"), notDeleted);
		List<Page> pages = pages(alices, new QueryRequest(null, "title", null, "2", null), this.taskTypes, (page) -> {
		});
		assertThat(pages).hasSize(3);
		assertThat(pages.stream().flatMap((page) -> titles(page).stream())).containsExactly("alice 0", "alice 1",
				"alice 2", "alice 3", "alice 4");
		assertThat(this.queries.count(this.tasks, alices, null, this.taskTypes)).isEqualTo(5);
		assertThat(this.queries.count(this.tasks, alices, "title==bob*", this.taskTypes)).isZero();
		assertThat(this.queries.count(this.tasks, notDeleted, "title==*deleted", this.taskTypes)).isZero();
	}

	@Test
	void aFullLastPageHasNoNextCursor() {
		insert(task("a"), task("b"), task("c"), task("d"));
		Page first = this.queries.find(this.tasks, notDeleted, new QueryRequest(null, null, null, "2", null),
				this.taskTypes);
		Page second = this.queries.find(this.tasks, notDeleted,
				new QueryRequest(null, null, null, "2", first.nextCursor()), this.taskTypes);
		assertThat(titles(first)).containsExactly("a", "b");
		assertThat(titles(second)).containsExactly("c", "d");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void sortingOnValuesOfMixedTypesPagesInMongoDbOrder() {
		List<Object> values = Arrays.asList("b", true, 3L, null, new Document("x", 1), 1, "10",
				date("2026-01-01T00:00:00Z"), 2.5, false, 3, "a", new Document("x", 0));
		for (int i = 0; i < values.size(); i++) {
			insert(task("t" + i).append("v", values.get(i)));
		}
		insert(task("missing"));
		// null and missing alike first, then numbers, strings, objects, booleans, dates;
		// ties by _id.
		List<String> ascending = List.of("t3", "missing", "t5", "t8", "t2", "t10", "t6", "t11", "t0", "t12", "t4", "t9",
				"t1", "t7");
		FieldTypes none = QueryFixtures.untyped();
		for (String limit : List.of("1", "2", "3", "100")) {
			assertThat(allTitles(new QueryRequest(null, "v", null, limit, null), none)).as("limit " + limit)
				.containsExactlyElementsOf(ascending);
		}
		List<String> descending = new ArrayList<>(
				List.of("t7", "t1", "t9", "t4", "t12", "t0", "t11", "t6", "t2", "t10", "t8", "t5", "t3", "missing"));
		for (String limit : List.of("1", "2", "3", "100")) {
			assertThat(allTitles(new QueryRequest(null, "-v", null, limit, null), none)).as("limit " + limit)
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
			insert(task.append("priority", random.nextInt(3)));
		}
		List<String> whole = allTitles(new QueryRequest(null, "status,-priority", null, "100", null), this.taskTypes);
		assertThat(whole).hasSize(60);
		assertThat(allTitles(new QueryRequest(null, "status,-priority", null, "7", null), this.taskTypes))
			.containsExactlyElementsOf(whole);
	}

	@Test
	void fieldsReturnTheRequestedUserFieldsAndTheSystemFieldsButNeverTheOutbox() {
		insert(task("Buy milk").append("priority", 3)
			.append("address", new Document("city", "Paris").append("zip", 75001))
			.append(Outbox.ENTRIES, List.of(new Document("id", "e1")))
			.append(Outbox.LEASE, new Document("by", "relay")));
		Document projected = this.queries
			.find(this.tasks, notDeleted, new QueryRequest(null, null, "title,address.city", null, null),
					this.taskTypes)
			.items()
			.get(0);
		assertThat(projected.keySet()).containsExactlyInAnyOrder("_id", "_owner", "_version", "_createdAt",
				"_updatedAt", "title", "address");
		assertThat(projected.get("address")).isEqualTo(new Document("city", "Paris"));
		Document whole = this.queries.find(this.tasks, notDeleted, QueryRequest.filter(null), this.taskTypes)
			.items()
			.get(0);
		assertThat(whole.keySet()).containsExactlyInAnyOrder("_id", "_owner", "_version", "_createdAt", "_updatedAt",
				"title", "priority", "address");
	}

	@Test
	void fieldsLeaveOutTheSortKeysTheCursorNeeds() {
		for (int i = 0; i < 5; i++) {
			insert(task("t" + i).append("priority", i % 2).append("address", new Document("city", "c" + i)));
		}
		List<Page> pages = pages(notDeleted, new QueryRequest(null, "-priority,address.city", "title", "2", null),
				this.taskTypes, (page) -> {
				});
		List<Document> items = pages.stream().flatMap((page) -> page.items().stream()).toList();
		assertThat(items).extracting((item) -> item.getString("title")).containsExactly("t1", "t3", "t0", "t2", "t4");
		assertThat(items).allSatisfy((item) -> assertThat(item).doesNotContainKeys("priority", "address"));
	}

	@Test
	void pagingThroughWhileDocumentsComeAndGoReturnsEveryDocumentThatStayedExactlyOnce() {
		assertEveryStayingDocumentOnce(null);
	}

	@Test
	void pagingOnANonUniqueKeyWhileDocumentsComeAndGoReturnsEveryDocumentThatStayedExactlyOnce() {
		assertEveryStayingDocumentOnce("-priority");
	}

	private void assertEveryStayingDocumentOnce(String sort) {
		Random random = new Random(42);
		List<Document> originals = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			originals.add(withRandomPriority(task("original " + i), random));
		}
		this.tasks.insertMany(originals);
		Set<String> deleted = new HashSet<>();
		Set<String> seen = new HashSet<>();
		List<String> returned = new ArrayList<>();
		int[] added = { 0 };
		List<Page> pages = pages(notDeleted, new QueryRequest(null, sort, null, "20", null), this.taskTypes, (page) -> {
			page.items().forEach((item) -> seen.add(item.getString("_id")));
			page.items().forEach((item) -> returned.add(item.getString("title")));
			for (int i = 0; i < 5; i++) {
				insert(withRandomPriority(task("added " + added[0]++), random));
			}
			originals.stream()
				.map((original) -> original.getString("_id"))
				.filter((id) -> !seen.contains(id) && !deleted.contains(id))
				.skip(random.nextInt(10))
				.findFirst()
				.ifPresent((id) -> {
					deleted.add(id);
					this.tasks.deleteOne(Filters.eq("_id", id));
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

	@Test
	void aQueryOverTheTimeLimitIsStopped() {
		List<Document> many = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			many.add(task("task number " + i + " with a longer title to scan"));
		}
		this.tasks.insertMany(many);
		DocumentQueries strict = new DocumentQueries(Duration.ofMillis(1));
		QueryRequest scan = new QueryRequest("title==*zzz*", "-title", null, null, null);
		assertThatThrownBy(() -> strict.find(this.tasks, notDeleted, scan, this.taskTypes)).isInstanceOfSatisfying(
				QueryRejectedException.class,
				(rejection) -> assertThat(rejection.code()).isEqualTo("query_too_expensive"));
		assertThatThrownBy(() -> strict.count(this.tasks, notDeleted, "title==*zzz*", this.taskTypes))
			.isInstanceOfSatisfying(QueryRejectedException.class,
					(rejection) -> assertThat(rejection.code()).isEqualTo("query_too_expensive"));
		assertThat(this.queries.find(this.tasks, notDeleted, scan, this.taskTypes).items()).isEmpty();
		assertThat(this.queries.count(this.tasks, notDeleted, "title==*zzz*", this.taskTypes)).isZero();
	}

	@Test
	void aCursorFromAnotherQueryIsRejected() {
		insert(task("a").append("status", "open"), task("b").append("status", "open"), task("c"));
		Page first = this.queries.find(this.tasks, notDeleted, new QueryRequest("status==open", null, null, "1", null),
				this.taskTypes);
		assertThatThrownBy(() -> this.queries.find(this.tasks, notDeleted,
				new QueryRequest("status==done", null, null, "1", first.nextCursor()), this.taskTypes))
			.isInstanceOfSatisfying(QueryRejectedException.class,
					(rejection) -> assertThat(rejection.code()).isEqualTo("invalid_cursor"));
		assertThatThrownBy(() -> this.queries.find(this.tasks, notDeleted,
				new QueryRequest("status==open", "title", null, "1", first.nextCursor()), this.taskTypes))
			.isInstanceOfSatisfying(QueryRejectedException.class,
					(rejection) -> assertThat(rejection.code()).isEqualTo("invalid_cursor"));
	}

	private void insertTasks() {
		insert(task("Buy milk").append("_owner", "alice")
			.append("status", "open")
			.append("priority", 3)
			.append("score", 2.5)
			.append("done", false)
			.append("tags", List.of("shop", "food"))
			.append("address", new Document("city", "Paris").append("zip", 75001)),
				task("Write report").append("_owner", "bob")
					.append("status", "done")
					.append("priority", 1)
					.append("score", 10)
					.append("done", true)
					.append("tags", List.of("work"))
					.append("address", new Document("city", "Berlin")),
				task("Call mom").append("_owner", "alice")
					.append("status", "open")
					.append("priority", 5.0)
					.append("done", false),
				task("Fix bike").append("_owner", null)
					.append("status", null)
					.append("priority", 2L)
					.append("tags", List.of()),
				task("Buy bread").append("_owner", "bob")
					.append("status", "open")
					.append("priority", 3)
					.append("address", new Document("city", "Paris")));
	}

	private static Document task(String title) {
		return QueryFixtures.aStoredDocument("alice").append("title", title);
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

	private void insert(Document... documents) {
		this.tasks.insertMany(List.of(documents));
	}

	private List<Page> pages(Bson scope, QueryRequest first, FieldTypes types, Consumer<Page> betweenPages) {
		List<Page> pages = new ArrayList<>();
		QueryRequest request = first;
		while (true) {
			Page page = this.queries.find(this.tasks, scope, request, types);
			pages.add(page);
			betweenPages.accept(page);
			if (page.nextCursor() == null || pages.size() > 1000) {
				return pages;
			}
			request = new QueryRequest(first.filter(), first.sort(), first.fields(), first.limit(), page.nextCursor());
		}
	}

	private List<String> allTitles(QueryRequest first, FieldTypes types) {
		return pages(notDeleted, first, types, (page) -> {
		}).stream().flatMap((page) -> titles(page).stream()).toList();
	}

	private static List<String> titles(Page page) {
		return page.items().stream().map((item) -> item.getString("title")).toList();
	}

	private static Date date(String rfc3339) {
		return Date.from(java.time.Instant.parse(rfc3339));
	}

}
