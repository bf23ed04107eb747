package dev.keel.data.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import dev.keel.support.outbox.Outbox;

/** A fresh collection of to-do documents in the store, and queries over it. */
final class TaskCollection {

	/** The scope of a caller who may read everything: only "not deleted". */
	static final Bson notDeleted = Filters.ne(Outbox.DELETE_WHEN_DRAINED, true);

	final MongoCollection<Document> documents;

	final DocumentQueries queries = new DocumentQueries(Duration.ofSeconds(10));

	private TaskCollection(MongoCollection<Document> documents) {
		this.documents = documents;
	}

	static TaskCollection fresh(MongoClient client, String name) {
		MongoCollection<Document> documents = client.getDatabase("query_tests").getCollection(name);
		documents.drop();
		return new TaskCollection(documents);
	}

	/** A stored to-do owned by alice. */
	static Document task(String title) {
		return QueryFixtures.aStoredDocument("alice").append("title", title);
	}

	void insert(Document... documents) {
		this.documents.insertMany(List.of(documents));
	}

	Page find(QueryRequest request, FieldTypes types) {
		return this.queries.find(this.documents, notDeleted, request, types);
	}

	long count(String filter, FieldTypes types) {
		return this.queries.count(this.documents, notDeleted, filter, types);
	}

	/** Follows nextCursor to the end, running {@code betweenPages} after each page. */
	List<Page> pages(Bson scope, QueryRequest first, FieldTypes types, Consumer<Page> betweenPages) {
		List<Page> pages = new ArrayList<>();
		QueryRequest request = first;
		while (true) {
			Page page = this.queries.find(this.documents, scope, request, types);
			pages.add(page);
			betweenPages.accept(page);
			if (page.nextCursor() == null || pages.size() > 1000) {
				return pages;
			}
			request = new QueryRequest(first.filter(), first.sort(), first.fields(), first.limit(), page.nextCursor());
		}
	}

	List<String> allTitles(QueryRequest first, FieldTypes types) {
		return pages(notDeleted, first, types, (page) -> {
		}).stream().flatMap((page) -> titles(page).stream()).toList();
	}

	static List<String> titles(Page page) {
		return page.items().stream().map((item) -> item.getString("title")).toList();
	}

}
