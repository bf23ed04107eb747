package dev.keel.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's data: the {@code bench_items} collection, its documents, and the query
 * both data-service and the raw driver run. A third of the documents are {@code open} and
 * priorities are 1-5, so about a fifth of them (399 of 2,000) match the query.
 */
final class BenchItems {

	static final String COLLECTION = "bench_items";

	static final String RAW_COLLECTION = "bench_raw";

	/** The query of the query scenario, in RSQL for data-service; 20 per page. */
	static final String FILTER = "status==open;priority=ge=3";

	static final int PAGE = 20;

	private static final List<String> STATUSES = List.of("open", "closed", "pending");

	private BenchItems() {
	}

	static Map<String, Object> definition() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("title", Map.of("type", "string"), "status", Map.of("type", "string"), "priority",
						Map.of("type", "integer")),
				"required", List.of("title", "status", "priority"), "additionalProperties", false);
		String everyone = "authenticated";
		return Map.of("schema", schema, "access",
				Map.of("read", everyone, "create", everyone, "update", everyone, "delete", everyone), "indexes",
				List.of(Map.of("fields", List.of("status", "-priority"), "unique", false)));
	}

	/** The {@code n}th seeded document: statuses and priorities cycle. */
	static Item seeded(int n) {
		return new Item("bench item " + n, STATUSES.get(n % STATUSES.size()), 1 + (n / STATUSES.size()) % 5);
	}

	static Item random() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new Item("bench item new " + random.nextInt(1_000_000), STATUSES.get(random.nextInt(STATUSES.size())),
				1 + random.nextInt(5));
	}

	static boolean matchesFilter(String status, int priority) {
		return "open".equals(status) && priority >= 3;
	}

	/** A document's user fields. */
	record Item(String title, String status, int priority) {

		String json() {
			return "{\"title\":\"" + this.title + "\",\"status\":\"" + this.status + "\",\"priority\":" + this.priority
					+ "}";
		}

	}

}
