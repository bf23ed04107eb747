package dev.keel.data.query;

import java.util.LinkedHashSet;
import java.util.Set;

import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import dev.keel.support.outbox.Outbox;

/**
 * Which fields a query returns: the user fields asked for, always the system fields,
 * never the outbox's fields.
 * <p>
 * A keyset cursor needs the last item's sort values even when the client did not ask for
 * them, so the database projection adds the sort keys and {@link #present} takes them out
 * again.
 */
final class FieldSelection {

	static final int MAX_FIELDS = 32;

	static final FieldSelection ALL = new FieldSelection(null);

	/** The user field paths asked for; {@code null} for all fields. */
	private final Set<String> requested;

	private FieldSelection(Set<String> requested) {
		this.requested = requested;
	}

	/**
	 * @throws QueryRejectedException with {@code invalid_fields}
	 */
	static FieldSelection parse(String fields) {
		if (fields == null || fields.isBlank()) {
			return ALL;
		}
		String[] parts = fields.split(",", -1);
		if (parts.length > MAX_FIELDS) {
			throw invalid(null, "fields takes at most " + MAX_FIELDS + " paths");
		}
		Set<String> paths = new LinkedHashSet<>();
		for (String part : parts) {
			String path = part.strip();
			if (!FieldPaths.isAllowed(path)) {
				throw invalid(FieldPaths.abbreviate(path), FieldPaths.describe(path));
			}
			if (!FieldPaths.isSystem(path)) {
				paths.add(path);
			}
		}
		return new FieldSelection(paths);
	}

	Bson projection(SortOrder sort) {
		if (this.requested == null) {
			return Projections.exclude(Outbox.FIELDS);
		}
		Set<String> paths = new LinkedHashSet<>(this.requested);
		sort.keys().forEach((key) -> paths.add(key.path()));
		FieldPaths.systemFields().forEach(paths::add);
		// MongoDB refuses a projection naming both a path and a path inside it.
		return Projections.include(paths.stream().filter((path) -> !insideAnyOf(path, paths)).toList());
	}

	/** A stored document as the client asked for it. */
	Document present(Document stored, SortOrder sort) {
		Outbox.FIELDS.forEach(stored::remove);
		if (this.requested == null || sort.keys().stream().allMatch((key) -> isReturned(key.path()))) {
			return stored;
		}
		Set<String> returned = new LinkedHashSet<>(this.requested);
		FieldPaths.systemFields().forEach(returned::add);
		return DocumentPaths.retain(stored, returned);
	}

	private boolean isReturned(String path) {
		return FieldPaths.isSystem(path) || this.requested.contains(path) || insideAnyOf(path, this.requested);
	}

	private static boolean insideAnyOf(String path, Set<String> paths) {
		return paths.stream().anyMatch((other) -> path.startsWith(other + "."));
	}

	private static QueryRejectedException invalid(String field, String message) {
		return new QueryRejectedException(QueryRejectedException.INVALID_FIELDS, field, message);
	}

}
