package dev.keel.data.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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

import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.support.outbox.Outbox;

import static dev.keel.data.query.TaskCollection.notDeleted;
import static dev.keel.data.query.TaskCollection.task;
import static dev.keel.data.query.TaskCollection.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queries and counts over the real driver against the embedded MongoDB-wire store. */
@ExtendWith(EmbeddedInfrastructure.class)
class DocumentQueriesIntegrationTests {

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
		this.tasks = TaskCollection.fresh(client, test.getTestMethod().orElseThrow().getName());
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
		List<String> titles = titles(this.tasks.find(QueryRequest.firstPage(filter), this.taskTypes));
		assertThat(titles).containsExactlyElementsOf((expected != null) ? List.of(expected.split(", ")) : List.of());
		assertThat(this.tasks.count(filter, this.taskTypes)).isEqualTo(titles.size());
	}

	@Test
	void withoutASchemaANumberOrBooleanMatchesBothTheValueAndTheString() {
		this.tasks.insert(task("number seven").append("code", 7), task("string seven").append("code", "7"),
				task("letter").append("code", "x"), task("true").append("flag", true),
				task("text true").append("flag", "true"));
		FieldTypes none = QueryFixtures.untyped();
		assertThat(titles(this.tasks.find(QueryRequest.firstPage("code==7"), none))).containsExactly("number seven",
				"string seven");
		assertThat(titles(this.tasks.find(QueryRequest.firstPage("flag==true"), none))).containsExactly("true",
				"text true");
		assertThat(titles(this.tasks.find(QueryRequest.firstPage("code=lt=8"), none))).containsExactly("number seven",
				"string seven");
	}

	@Test
	void systemTimestampsAreFilteredByRfc3339() {
		this.tasks.insert(task("old").append("_createdAt", date("2026-01-01T00:00:00Z")),
				task("new").append("_createdAt", date("2026-06-01T12:00:00.500Z")));
		assertThat(titles(
				this.tasks.find(QueryRequest.firstPage("_createdAt=gt=2026-06-01T12:00:00.499Z"), this.taskTypes)))
			.containsExactly("new");
		assertThat(this.tasks.count("_createdAt=lt=2026-06-01T14:00:00+02:00", this.taskTypes)).isEqualTo(1);
	}

	@Test
	void theScopeAppliesToEveryPageAndToCounts() {
		for (int i = 0; i < 5; i++) {
			this.tasks.insert(task("alice " + i).append("_owner", "alice"), task("bob " + i).append("_owner", "bob"));
		}
		this.tasks.insert(task("alice deleted").append("_owner", "alice").append(Outbox.DELETE_WHEN_DRAINED, true));
		Bson alices = Filters.and(Filters.eq("_owner", "alice"), notDeleted);
		List<Page> pages = this.tasks.pages(alices, new QueryRequest(null, "title", null, "2", null), this.taskTypes,
				(page) -> {
				});
		assertThat(pages).hasSize(3);
		assertThat(pages.stream().flatMap((page) -> titles(page).stream())).containsExactly("alice 0", "alice 1",
				"alice 2", "alice 3", "alice 4");
		DocumentQueries queries = this.tasks.queries;
		assertThat(queries.count(this.tasks.documents, alices, null, this.taskTypes)).isEqualTo(5);
		assertThat(queries.count(this.tasks.documents, alices, "title==bob*", this.taskTypes)).isZero();
		assertThat(this.tasks.count("title==*deleted", this.taskTypes)).isZero();
	}

	@Test
	void fieldsReturnTheRequestedUserFieldsAndTheSystemFieldsButNeverTheOutbox() {
		this.tasks.insert(task("Buy milk").append("priority", 3)
			.append("address", new Document("city", "Paris").append("zip", 75001))
			.append(Outbox.ENTRIES, List.of(new Document("id", "e1")))
			.append(Outbox.LEASE, new Document("by", "relay")));
		Document projected = this.tasks
			.find(new QueryRequest(null, null, "title,address.city", null, null), this.taskTypes)
			.items()
			.get(0);
		assertThat(projected.keySet()).containsExactlyInAnyOrder("_id", "_owner", "_version", "_createdAt",
				"_updatedAt", "title", "address");
		assertThat(projected.get("address")).isEqualTo(new Document("city", "Paris"));
		Document whole = this.tasks.find(QueryRequest.firstPage(null), this.taskTypes).items().get(0);
		assertThat(whole.keySet()).containsExactlyInAnyOrder("_id", "_owner", "_version", "_createdAt", "_updatedAt",
				"title", "priority", "address");
	}

	@Test
	void fieldsLeaveOutTheSortKeysTheCursorNeeds() {
		for (int i = 0; i < 5; i++) {
			this.tasks.insert(task("t" + i).append("priority", i % 2).append("address", new Document("city", "c" + i)));
		}
		List<Page> pages = this.tasks.pages(notDeleted,
				new QueryRequest(null, "-priority,address.city", "title", "2", null), this.taskTypes, (page) -> {
				});
		List<Document> items = pages.stream().flatMap((page) -> page.items().stream()).toList();
		assertThat(items).extracting((item) -> item.getString("title")).containsExactly("t1", "t3", "t0", "t2", "t4");
		assertThat(items).allSatisfy((item) -> assertThat(item).doesNotContainKeys("priority", "address"));
	}

	@Test
	void aQueryOverTheTimeLimitIsStopped() {
		List<Document> many = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			many.add(task("task number " + i + " with a longer title to scan"));
		}
		this.tasks.documents.insertMany(many);
		DocumentQueries strict = new DocumentQueries(Duration.ofMillis(1));
		QueryRequest scan = new QueryRequest("title==*zzz*", "-title", null, null, null);
		assertThatThrownBy(() -> strict.find(this.tasks.documents, notDeleted, scan, this.taskTypes))
			.isInstanceOfSatisfying(QueryRejectedException.class,
					(rejection) -> assertThat(rejection.code()).isEqualTo("query_too_expensive"));
		assertThatThrownBy(() -> strict.count(this.tasks.documents, notDeleted, "title==*zzz*", this.taskTypes))
			.isInstanceOfSatisfying(QueryRejectedException.class,
					(rejection) -> assertThat(rejection.code()).isEqualTo("query_too_expensive"));
		assertThat(this.tasks.find(scan, this.taskTypes).items()).isEmpty();
		assertThat(this.tasks.count("title==*zzz*", this.taskTypes)).isZero();
	}

	@Test
	void aCursorFromAnotherQueryIsRejected() {
		this.tasks.insert(task("a").append("status", "open"), task("b").append("status", "open"), task("c"));
		Page first = this.tasks.find(new QueryRequest("status==open", null, null, "1", null), this.taskTypes);
		assertThat(first.nextCursor()).isNotNull();
		for (QueryRequest other : List.of(new QueryRequest("status==done", null, null, "1", first.nextCursor()),
				new QueryRequest("status==open", "title", null, "1", first.nextCursor()))) {
			assertThatThrownBy(() -> this.tasks.find(other, this.taskTypes)).isInstanceOfSatisfying(
					QueryRejectedException.class,
					(rejection) -> assertThat(rejection.code()).isEqualTo("invalid_cursor"));
		}
		Page second = this.tasks.find(new QueryRequest("status==open", null, null, "5", first.nextCursor()),
				this.taskTypes);
		assertThat(titles(second)).containsExactly("b");
	}

	private void insertTasks() {
		this.tasks.insert(
				task("Buy milk").append("_owner", "alice")
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

	private static Date date(String rfc3339) {
		return Date.from(Instant.parse(rfc3339));
	}

}
