package dev.keel.data.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A validated query: everything the client sent, checked and translated before anything
 * reaches the database.
 *
 * @param request the request as sent
 * @param filter the translated filter, {@code null} for none
 * @param sort the sort order, ending in {@code _id}
 * @param fields the fields to return
 * @param limit the page size
 * @param after the keyset condition of the cursor, {@code null} on the first page
 */
record QueryPlan(QueryRequest request, Bson filter, SortOrder sort, FieldSelection fields, int limit, Bson after) {

	/**
	 * @throws QueryRejectedException for the first parameter that is not acceptable
	 */
	static QueryPlan of(QueryRequest request, FieldTypes types) {
		Bson filter = FilterTranslator.translate(request.filter(), types);
		SortOrder sort = SortOrder.parse(request.sort(), types);
		FieldSelection fields = FieldSelection.parse(request.fields());
		int limit = PageLimit.parse(request.limit());
		List<Object> position = CursorCodec.decode(request.cursor(), request.filter(), sort);
		Bson after = (position != null) ? Keyset.after(sort.keys(), position) : null;
		return new QueryPlan(request, filter, sort, fields, limit, after);
	}

	/**
	 * The scope (access rule, not deleted), the filter and the cursor's position, all at
	 * once.
	 */
	Bson where(Bson scope) {
		return allOf(scope, this.filter, this.after);
	}

	static Bson allOf(Bson... conditions) {
		List<Bson> present = Stream.of(conditions).filter(Objects::nonNull).toList();
		return switch (present.size()) {
			case 0 -> Filters.empty();
			case 1 -> present.get(0);
			default -> Filters.and(present);
		};
	}

	/**
	 * The page from up to {@code limit + 1} fetched documents: one more than the page
	 * tells that there is a next page, and the page's last item is where it starts.
	 */
	Page page(List<Document> fetched) {
		List<Document> items = new ArrayList<>(fetched.subList(0, Math.min(this.limit, fetched.size())));
		String next = null;
		if (fetched.size() > this.limit) {
			Document last = items.get(items.size() - 1);
			List<Object> values = this.sort.keys()
				.stream()
				.map((key) -> DocumentPaths.valueAt(last, key.path()))
				.toList();
			next = CursorCodec.encode(values, this.request.filter(), this.sort);
		}
		items.replaceAll((item) -> this.fields.present(item, this.sort));
		return new Page(items, next);
	}

}
