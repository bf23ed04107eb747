package dev.keel.data.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Reading stored documents by dotted path the way MongoDB's projection and sort do.
 */
final class DocumentPaths {

	/** Marks a path that is kept whole. */
	private static final Object WHOLE = new Object();

	/** Marks a value a projection leaves out. */
	private static final Object ABSENT = new Object();

	private DocumentPaths() {
	}

	/**
	 * The value at a path for sorting: a missing field (or one under a non-object) sorts
	 * as {@code null}.
	 */
	static Object valueAt(Document document, String path) {
		Object value = document;
		for (String segment : path.split("\\.")) {
			if (!(value instanceof Document current)) {
				return null;
			}
			value = current.get(segment);
		}
		return value;
	}

	/**
	 * A copy with only the given paths, as an inclusion projection gives: objects inside
	 * arrays are projected item by item, and scalars where an object was expected drop
	 * out.
	 */
	static Document retain(Document document, Collection<String> paths) {
		return (Document) pick(document, tree(paths));
	}

	private static Object pick(Object value, Map<String, Object> tree) {
		if (value instanceof Document document) {
			Document picked = new Document();
			document.forEach((name, child) -> {
				Object branch = tree.get(name);
				Object kept = (branch == WHOLE) ? child : (branch != null) ? pick(child, subtree(branch)) : ABSENT;
				if (kept != ABSENT) {
					picked.put(name, kept);
				}
			});
			return picked;
		}
		if (value instanceof List<?> items) {
			List<Object> picked = new ArrayList<>();
			items.stream().map((item) -> pick(item, tree)).filter((item) -> item != ABSENT).forEach(picked::add);
			return picked;
		}
		return ABSENT;
	}

	private static Map<String, Object> tree(Collection<String> paths) {
		Map<String, Object> root = new LinkedHashMap<>();
		for (String path : paths) {
			Map<String, Object> node = root;
			String[] segments = path.split("\\.");
			for (int i = 0; i < segments.length - 1 && node != null; i++) {
				Object child = node.computeIfAbsent(segments[i], (name) -> new LinkedHashMap<String, Object>());
				node = (child == WHOLE) ? null : subtree(child);
			}
			if (node != null) {
				node.put(segments[segments.length - 1], WHOLE);
			}
		}
		return root;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> subtree(Object branch) {
		return (Map<String, Object>) branch;
	}

}
