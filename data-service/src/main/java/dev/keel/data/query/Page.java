package dev.keel.data.query;

import java.util.List;

import org.bson.Document;

/**
 * One page of a query.
 *
 * @param items the stored documents, projected, without the outbox's fields
 * @param nextCursor the cursor of the next page, {@code null} on the last one
 */
public record Page(List<Document> items, String nextCursor) {

	public Page {
		items = List.copyOf(items);
	}

}
