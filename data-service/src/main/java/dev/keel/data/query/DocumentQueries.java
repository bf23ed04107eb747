package dev.keel.data.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CountOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs queries and counts over one Keel collection's MongoDB collection.
 * <p>
 * The caller passes a {@code scope}, the access rule and "not deleted" as a MongoDB
 * filter; it is ANDed into every query, count and later page, so what a caller may not
 * read never shows up, and pagination and counts stay right. Every run is bounded by the
 * time limit.
 */
@Component
public final class DocumentQueries {

	/**
	 * MaxTimeMSExpired, ExceededTimeLimit, and a sort over the memory limit without an
	 * index.
	 */
	private static final Set<Integer> TOO_EXPENSIVE = Set.of(50, 262, 292);

	private final Duration timeLimit;

	@Autowired
	DocumentQueries(QueryProperties properties) {
		this(properties.timeLimit());
	}

	/**
	 * @param timeLimit how long one query or count may take
	 */
	public DocumentQueries(Duration timeLimit) {
		this.timeLimit = Objects.requireNonNull(timeLimit);
	}

	/**
	 * One page of documents.
	 * @param collection the Keel collection's documents, as stored
	 * @param scope what the caller may see; always applied
	 * @param request the client's query parameters
	 * @param types the collection's field types
	 * @return the page
	 * @throws QueryRejectedException when a parameter is not acceptable or the query runs
	 * too long
	 */
	public Page find(MongoCollection<Document> collection, Bson scope, QueryRequest request, FieldTypes types) {
		Objects.requireNonNull(scope, "A query always runs in a scope");
		QueryPlan plan = QueryPlan.of(request, types);
		Deadline deadline = Deadline.start(this.timeLimit);
		List<Document> fetched = new ArrayList<>(plan.limit() + 1);
		try (MongoCursor<Document> cursor = collection.find(plan.where(scope))
			.sort(plan.sort().toBson())
			.projection(plan.fields().projection(plan.sort()))
			.limit(plan.limit() + 1)
			.batchSize(plan.limit() + 1)
			.maxTime(maxTimeMillis(), TimeUnit.MILLISECONDS)
			.iterator()) {
			while (cursor.hasNext()) {
				fetched.add(cursor.next());
				deadline.check();
			}
		}
		catch (MongoException ex) {
			throw translated(ex);
		}
		deadline.check();
		return plan.page(fetched);
	}

	/**
	 * How many documents match a filter.
	 * @param collection the Keel collection's documents, as stored
	 * @param scope what the caller may see; always applied
	 * @param filter RSQL, or {@code null} for all the caller may see
	 * @param types the collection's field types
	 * @return the count
	 * @throws QueryRejectedException when the filter is not acceptable or the count runs
	 * too long
	 */
	public long count(MongoCollection<Document> collection, Bson scope, String filter, FieldTypes types) {
		Objects.requireNonNull(scope, "A count always runs in a scope");
		Bson where = QueryPlan.allOf(scope, FilterTranslator.translate(filter, types));
		Deadline deadline = Deadline.start(this.timeLimit);
		try {
			long count = collection.countDocuments(where,
					new CountOptions().maxTime(maxTimeMillis(), TimeUnit.MILLISECONDS));
			deadline.check();
			return count;
		}
		catch (MongoException ex) {
			throw translated(ex);
		}
	}

	private long maxTimeMillis() {
		// 0 would mean "no limit" to MongoDB.
		return Math.max(1, this.timeLimit.toMillis());
	}

	private RuntimeException translated(MongoException ex) {
		return TOO_EXPENSIVE.contains(ex.getCode()) ? QueryRejectedException.tooExpensive(this.timeLimit) : ex;
	}

}
